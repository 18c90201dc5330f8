/**
 * Loads the views bundle on first use: one script tag, once per page, after
 * lending it the agent bundle's Firestore functions. A failed load can be tried
 * again; a bundle of another version is refused with a message saying so.
 */
import type { HostKit } from './hostKit.js';
import { HOST_KIT_GLOBAL, VIEWS_BUNDLE_FILE, VIEWS_BUNDLE_GLOBAL, type ViewsBundle } from './staffViews.js';

export class ViewsBundleError extends Error {
  constructor(
    message: string,
    readonly kind: 'network' | 'version' | 'shape',
  ) {
    super(message);
    this.name = 'ViewsBundleError';
  }
}

/**
 * Where the views bundle is: the setting if there is one, else beside the agent
 * bundle (the same folder of the same host), with the version in the query so
 * that a release never meets a cached copy of the previous one.
 */
export function viewsBundleUrl(version: string, agentBundleUrl: string | undefined, setting?: string): string | null {
  const base = setting ?? (agentBundleUrl ? new URL(VIEWS_BUNDLE_FILE, agentBundleUrl).href : null);
  if (!base) return null;
  const url = new URL(base);
  url.searchParams.set('v', version);
  return url.href;
}

export interface ViewsBundleLoaderOptions {
  readonly url: string | null;
  readonly version: string;
  readonly kit: HostKit;
  readonly document?: Document;
  readonly host?: Record<string, unknown>;
}

function isViewsBundle(value: unknown): value is ViewsBundle {
  if (typeof value !== 'object' || value === null) return false;
  const { version, views } = value as Record<string, unknown>;
  return typeof version === 'string' && typeof views === 'object' && views !== null;
}

export function createViewsBundleLoader({
  url,
  version,
  kit,
  document: page = document,
  host = globalThis,
}: ViewsBundleLoaderOptions): () => Promise<ViewsBundle> {
  let loading: Promise<ViewsBundle> | undefined;
  const load = () =>
    new Promise<ViewsBundle>((resolve, reject) => {
      if (!url) {
        reject(new ViewsBundleError('The views bundle URL is unknown: set interactionHistory.viewsBundleUrl.', 'network'));
        return;
      }
      host[HOST_KIT_GLOBAL] = kit;
      const script = page.createElement('script');
      script.src = url;
      script.async = true;
      script.onload = () => {
        const bundle = host[VIEWS_BUNDLE_GLOBAL];
        if (!isViewsBundle(bundle)) reject(new ViewsBundleError(`${url} did not define ${VIEWS_BUNDLE_GLOBAL}.`, 'shape'));
        else if (bundle.version !== version) reject(new ViewsBundleError(bundle.version, 'version'));
        else resolve(bundle);
      };
      script.onerror = () => {
        script.remove();
        reject(new ViewsBundleError(`${url} could not be loaded.`, 'network'));
      };
      page.head.appendChild(script);
    });
  return () => {
    loading ??= load().catch((error: unknown) => {
      // Let the next attempt try again (a network blip); a wrong version will be refused again, and say so again.
      loading = undefined;
      throw error;
    });
    return loading;
  };
}
