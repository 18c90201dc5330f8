/**
 * Builds the second bundle: the supervisor and admin views, loaded by the
 * agent bundle only for users whose Flex roles show them (see
 * src/features/staff-views/). A classic script like the first; React comes
 * from the Flex page and Firestore from the agent bundle (never a second copy:
 * importing `firebase/app` or `firebase/auth` here fails the build).
 */
import { fileURLToPath } from 'node:url';
import { defineConfig, mergeConfig, type Plugin } from 'vite';
import agentBundle, { PAGE_GLOBALS } from './vite.config.js';
import { VIEWS_BUNDLE_FILE, VIEWS_BUNDLE_GLOBAL } from './src/features/staff-views/staffViews.js';

const lentFirestore = fileURLToPath(new URL('./src/features/staff-views/lentFirestore.ts', import.meta.url));
const firestoreFromHost = fileURLToPath(new URL('./src/views-host/firestoreFromHost.ts', import.meta.url));

const noSecondFirebase: Plugin = {
  name: 'no-second-firebase',
  enforce: 'pre',
  resolveId(source, importer) {
    if (source === 'firebase/firestore') {
      // The views import only what lentFirestore.ts lists; its own `firebase/firestore`
      // is the lent object on the page, each name one of that object's properties.
      return importer === lentFirestore ? { id: firestoreFromHost, syntheticNamedExports: true } : lentFirestore;
    }
    if (/^(firebase|@firebase)\//.test(source)) {
      this.error(`${importer ?? 'the views bundle'} imports ${source}: the views bundle uses the agent bundle's Firebase (see firestoreFromHost.ts).`);
    }
    return null;
  },
};

export default mergeConfig(agentBundle, defineConfig({
  plugins: [noSecondFirebase],
  build: {
    emptyOutDir: false,
    lib: {
      entry: 'src/views.ts',
      formats: ['iife'],
      name: VIEWS_BUNDLE_GLOBAL,
      fileName: () => VIEWS_BUNDLE_FILE,
    },
    rollupOptions: { external: Object.keys(PAGE_GLOBALS), output: { globals: PAGE_GLOBALS } },
  },
}));
