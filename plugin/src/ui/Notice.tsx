import type { ReactNode } from 'react';
import { styles } from './theme.js';

export interface NoticeProps {
  readonly tone: 'error' | 'info' | 'success';
  readonly children: ReactNode;
}

/** Errors interrupt screen readers (role=alert); the rest is announced politely (role=status). */
export function Notice({ tone, children }: NoticeProps) {
  const style = tone === 'error' ? styles.noticeError : tone === 'success' ? styles.noticeSuccess : styles.noticeInfo;
  return (
    <div role={tone === 'error' ? 'alert' : 'status'} style={style}>
      {children}
    </div>
  );
}
