/**
 * The supervisor and admin views: which Flex roles see which, and what the
 * agent bundle hands to the second bundle that draws them. Only this contract
 * is shared; the views themselves live in the views bundle (`src/views.ts`),
 * which agents never download.
 */
import type { ComponentType } from 'react';
import type { PluginConfig } from '../../config/pluginConfig.js';
import type { FirebaseSession } from '../../data/session.js';

export const STAFF_VIEWS = {
  /** Outcomes by reason code, interactions without one, capture failures, reconciliation. */
  dashboard: { name: 'interaction-outcomes', roles: ['supervisor', 'admin'] },
  /** The reason-code editor. */
  reasonCodes: { name: 'interaction-reason-codes', roles: ['admin'] },
} as const;

export type StaffViewKey = keyof typeof STAFF_VIEWS;

/**
 * The views a Flex user may open, from the roles Flex gives with the user (so
 * the menu appears at once, before any sign-in to Firebase). Only the menu
 * depends on this: the security rules protect the data whatever the menu shows.
 */
export function staffViewsFor(flexRoles: readonly string[]): StaffViewKey[] {
  return (Object.keys(STAFF_VIEWS) as StaffViewKey[]).filter((key) =>
    STAFF_VIEWS[key].roles.some((role) => flexRoles.includes(role)),
  );
}

/** What each view is given by the agent bundle. */
export interface StaffViewProps {
  readonly session: FirebaseSession;
  /** Signs in again after a failed sign-in. */
  readonly retrySignIn: () => void;
  readonly config: PluginConfig;
  /**
   * A typed phone number in E.164 (the configured region), or null when it is
   * not a valid number: lent by the agent bundle, which already carries the
   * phone library (28 KB gzip the views bundle need not repeat).
   */
  readonly normalizePhone: (typed: string) => string | null;
  /** Calls one of the project's callable functions as the signed-in user, e.g. `fileCaptureFailure`. */
  readonly callFunction: (name: string, data: unknown) => Promise<unknown>;
}

/** What the views bundle leaves on the page when it has run (its IIFE's value). */
export interface ViewsBundle {
  /** Must equal the agent bundle's version: a stale copy from a cache is refused, not half-run. */
  readonly version: string;
  readonly views: Record<StaffViewKey, ComponentType<StaffViewProps>>;
}

/** The page global the views bundle's build assigns itself to (vite's `build.lib.name`). */
export const VIEWS_BUNDLE_GLOBAL = 'InteractionHistoryViews';
/** The page global through which the agent bundle lends the views bundle its Firestore functions. */
export const HOST_KIT_GLOBAL = 'InteractionHistoryHostKit';
/** The views bundle's file, served beside the agent bundle. */
export const VIEWS_BUNDLE_FILE = 'plugin-interaction-history-views.js';
