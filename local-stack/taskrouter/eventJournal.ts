/**
 * The stand-in TaskRouter's memory of every event it generated: one JSON line
 * per event in a file that several processes append to (the desktop, `npm run
 * simulate`, tests) and the local Events API reads as it grows. Lines are
 * written with one `appendFileSync` each (O_APPEND), so writers never
 * interleave within a line.
 */
import { appendFileSync, closeSync, existsSync, fstatSync, mkdirSync, openSync, readSync } from 'node:fs';
import { dirname } from 'node:path';
import { EVENT_JOURNAL } from '../localStack.js';
import type { LifecycleEvent } from './lifecycle.js';

export function recordEvents(events: readonly LifecycleEvent[], file = EVENT_JOURNAL): void {
  if (events.length === 0) return;
  mkdirSync(dirname(file), { recursive: true });
  appendFileSync(file, events.map((event) => `${JSON.stringify(event)}\n`).join(''));
}

/** A reader that returns, on each call, the events appended since its last call (none when the file is absent). */
export function journalFollower(file = EVENT_JOURNAL): () => LifecycleEvent[] {
  let offset = 0;
  let partial = '';
  return () => {
    if (!existsSync(file)) return [];
    const fd = openSync(file, 'r');
    try {
      const size = fstatSync(fd).size;
      if (size < offset) {
        // The journal was replaced (deleted and started again): read it from the start.
        offset = 0;
        partial = '';
      }
      if (size === offset) return [];
      const buffer = Buffer.alloc(size - offset);
      readSync(fd, buffer, 0, buffer.length, offset);
      offset = size;
      const lines = (partial + buffer.toString('utf8')).split('\n');
      // A line still being written stays for the next call.
      partial = lines.pop() ?? '';
      return lines.filter((line) => line.trim() !== '').map((line) => JSON.parse(line) as LifecycleEvent);
    } finally {
      closeSync(fd);
    }
  };
}
