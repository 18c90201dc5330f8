/** The loader of the views bundle: one script beside the agent bundle, the Firestore functions lent first, versions checked. */
import { describe, expect, it } from 'vitest';
import { hostFirestore } from '../../src/features/staff-views/hostKit.js';
import { createViewsBundleLoader, ViewsBundleError, viewsBundleUrl } from '../../src/features/staff-views/loadViewsBundle.js';
import { HOST_KIT_GLOBAL, VIEWS_BUNDLE_GLOBAL } from '../../src/features/staff-views/staffViews.js';

const kit = { firestore: hostFirestore };

/** A page whose scripts "load" by running `onRun` (defining the bundle's global), or fail. */
function fakePage(host: Record<string, unknown>, outcome: () => 'load' | 'error', onRun: () => void) {
  const appended: HTMLScriptElement[] = [];
  const page = document.implementation.createHTMLDocument('flex');
  const originalAppend = page.head.appendChild.bind(page.head);
  page.head.appendChild = <T extends Node>(node: T): T => {
    const script = node as unknown as HTMLScriptElement;
    appended.push(script);
    originalAppend(node);
    queueMicrotask(() => {
      if (outcome() === 'load') {
        onRun();
        script.onload?.(new Event('load'));
      } else {
        script.onerror?.(new Event('error'));
      }
    });
    return node;
  };
  return { page, appended, host };
}

describe('the views bundle loader', () => {
  it('finds the views bundle beside the agent bundle, with the version in the query; a setting wins', () => {
    expect(viewsBundleUrl('1.2.3', 'https://acme.web.app/plugin-interaction-history.js')).toBe(
      'https://acme.web.app/plugin-interaction-history-views.js?v=1.2.3',
    );
    expect(viewsBundleUrl('1.2.3', undefined, 'https://cdn.example.com/views.js')).toBe('https://cdn.example.com/views.js?v=1.2.3');
    expect(viewsBundleUrl('1.2.3', undefined)).toBeNull();
  });

  it('lends the Firestore functions before the script runs, loads it once however often it is asked, and hands back its views', async () => {
    const host: Record<string, unknown> = {};
    let kitSeenByScript: unknown;
    const bundle = { version: '1.2.3', views: {} };
    const { page, appended } = fakePage(host, () => 'load', () => {
      kitSeenByScript = host[HOST_KIT_GLOBAL];
      host[VIEWS_BUNDLE_GLOBAL] = bundle;
    });
    const load = createViewsBundleLoader({ url: 'https://acme.web.app/v.js', version: '1.2.3', kit, document: page, host });

    const [first, second] = await Promise.all([load(), load()]);

    expect(first).toBe(bundle);
    expect(second).toBe(bundle);
    expect(appended).toHaveLength(1);
    expect(appended[0]?.src).toBe('https://acme.web.app/v.js');
    expect(kitSeenByScript).toBe(kit);
  });

  it('refuses a bundle of another version, naming it', async () => {
    const host: Record<string, unknown> = {};
    const { page } = fakePage(host, () => 'load', () => (host[VIEWS_BUNDLE_GLOBAL] = { version: '1.2.2', views: {} }));
    const load = createViewsBundleLoader({ url: 'https://acme.web.app/v.js', version: '1.2.3', kit, document: page, host });

    await expect(load()).rejects.toEqual(new ViewsBundleError('1.2.2', 'version'));
  });

  it('tries again after a failed load, with a fresh script', async () => {
    const host: Record<string, unknown> = {};
    let attempts = 0;
    const { page, appended } = fakePage(host, () => (++attempts === 1 ? 'error' : 'load'), () => (host[VIEWS_BUNDLE_GLOBAL] = { version: '1.2.3', views: {} }));
    const load = createViewsBundleLoader({ url: 'https://acme.web.app/v.js', version: '1.2.3', kit, document: page, host });

    await expect(load()).rejects.toMatchObject({ kind: 'network' });
    await expect(load()).resolves.toMatchObject({ version: '1.2.3' });
    expect(appended).toHaveLength(2);
    expect(page.head.querySelectorAll('script')).toHaveLength(1);
  });
});
