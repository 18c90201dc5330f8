/**
 * Stands in a Flex view for one of the supervisor and admin views until the
 * views bundle has loaded, then draws it. Says what went wrong instead of an
 * empty page, and keeps a failing view from taking Flex down with it.
 */
import { Component, useEffect, useState, type ReactNode } from 'react';
import type { Strings } from '../../strings/index.js';
import { FailureNotice } from '../../ui/FailureNotice.js';
import { Notice } from '../../ui/Notice.js';
import { styles } from '../../ui/theme.js';
import { ViewsBundleError } from './loadViewsBundle.js';
import type { StaffViewKey, StaffViewProps, ViewsBundle } from './staffViews.js';

export interface StaffViewHostProps extends StaffViewProps {
  readonly view: StaffViewKey;
  readonly loadViews: () => Promise<ViewsBundle>;
  readonly expectedVersion: string;
  readonly strings: Strings;
}

type Loaded = { readonly status: 'loading' } | { readonly status: 'ready'; readonly bundle: ViewsBundle } | { readonly status: 'failed'; readonly message: string };

export function StaffViewHost({ view, loadViews, expectedVersion, strings, ...viewProps }: StaffViewHostProps) {
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let current = true;
    loadViews().then(
      (bundle) => current && setLoaded({ status: 'ready', bundle }),
      (error: unknown) => {
        console.error('[interaction-history] the views bundle could not be loaded', error);
        const message =
          error instanceof ViewsBundleError && error.kind === 'version'
            ? strings.viewVersionMismatch(error.message, expectedVersion)
            : strings.viewLoadFailed;
        if (current) setLoaded({ status: 'failed', message });
      },
    );
    return () => {
      current = false;
    };
  }, [loadViews, attempt, strings, expectedVersion]);

  if (loaded.status === 'loading') {
    return (
      <div style={styles.panel}>
        <p role="status">{strings.viewLoading}</p>
      </div>
    );
  }
  if (loaded.status === 'failed') {
    return (
      <div style={styles.panel}>
        <FailureNotice
          message={loaded.message}
          retryLabel={strings.retry}
          onRetry={() => {
            setLoaded({ status: 'loading' });
            setAttempt((count) => count + 1);
          }}
        />
      </div>
    );
  }
  const View = loaded.bundle.views[view];
  return (
    <ViewErrorBoundary fallback={<Notice tone="error">{strings.viewFailed}</Notice>}>
      <View {...viewProps} />
    </ViewErrorBoundary>
  );
}

/** A render error in a view stays in the view. */
class ViewErrorBoundary extends Component<{ readonly fallback: ReactNode; readonly children: ReactNode }, { readonly failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    console.error('[interaction-history] a view failed to render', error);
  }

  override render(): ReactNode {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}
