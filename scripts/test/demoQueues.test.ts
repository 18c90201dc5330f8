/** The queues the desktop shell rings tasks in on are the demo month's queues, SID for SID. */
import { describe, expect, it } from 'vitest';
import { DEMO_QUEUES as centreQueues } from '../../desktop/demoCentre.js';
import { DEMO_QUEUES as shellQueues } from '../../desktop/demoQueues.js';

describe('the demo queues', () => {
  it('are the same in the shell and in the demo data', () => {
    for (const queue of centreQueues) expect(shellQueues).toContainEqual(queue);
  });
});
