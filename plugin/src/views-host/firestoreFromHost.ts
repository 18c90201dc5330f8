/**
 * The functions the agent bundle lent on the page, which the views bundle's
 * `firebase/firestore` stands for, so that the views work on the agent
 * bundle's Firestore instance and do not ship a second copy of the SDK.
 *
 * vite.views.config.ts points the views' `firebase/firestore` at
 * lentFirestore.ts, whose own `firebase/firestore` is this module: its names
 * are this default export's properties (Rollup's `syntheticNamedExports`), so
 * the names are listed only in lentFirestore.ts, and importing a name it does
 * not list fails the build.
 */
import type { HostFirestore, HostKit } from '../features/staff-views/hostKit.js';
import { HOST_KIT_GLOBAL } from '../features/staff-views/staffViews.js';

const kit = (globalThis as unknown as Record<string, HostKit | undefined>)[HOST_KIT_GLOBAL];
if (!kit) throw new Error(`${HOST_KIT_GLOBAL} is not on the page: the views bundle must be loaded by the interaction history plugin.`);

const firestore: HostFirestore = kit.firestore;
export default firestore;
