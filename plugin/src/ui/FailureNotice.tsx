import type { ReactNode } from 'react';
import { Notice } from './Notice.js';
import { styles } from './theme.js';

export interface FailureNoticeProps {
  readonly message: string;
  readonly retryLabel: string;
  readonly onRetry: () => void;
  /** Further lines under the message, such as the reason given. */
  readonly children?: ReactNode;
}

/** Something failed that trying again may fix: says what, and offers the retry in the same alert. */
export function FailureNotice({ message, retryLabel, onRetry, children }: FailureNoticeProps) {
  return (
    <Notice tone="error">
      <p style={{ marginTop: 0 }}>{message}</p>
      {children}
      <button type="button" onClick={onRetry} style={styles.secondaryButton}>
        {retryLabel}
      </button>
    </Notice>
  );
}
