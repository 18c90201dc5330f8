import React, { useState } from 'react';
import { CHANNELS, type ChannelKey } from '../actions.js';
import { DEMO_QUEUES, type DemoQueue } from '../../demoQueues.js';

export function RingIn({ onRingIn }: { onRingIn: (phone: string, channel: ChannelKey, queue: DemoQueue) => void }) {
  const [phone, setPhone] = useState('+14155550100');
  const [channel, setChannel] = useState<ChannelKey>('voice');
  const [queue, setQueue] = useState<DemoQueue>(DEMO_QUEUES[0]);
  return (
    <form aria-label="Ring in a task" onSubmit={(event) => { event.preventDefault(); onRingIn(phone, channel, queue); }} style={{ marginBottom: 16 }}>
      <label htmlFor="ring-in-phone">Caller number</label>
      <input id="ring-in-phone" value={phone} onChange={(event) => setPhone(event.target.value)} style={{ display: 'block', width: '100%', boxSizing: 'border-box' }} />
      <label htmlFor="ring-in-channel">Channel</label>
      <select id="ring-in-channel" value={channel} onChange={(event) => setChannel(event.target.value as ChannelKey)} style={{ display: 'block', marginBottom: 8 }}>
        {Object.entries(CHANNELS).map(([key, spec]) => <option key={key} value={key}>{spec.label}</option>)}
      </select>
      <label htmlFor="ring-in-queue">Queue</label>
      <select id="ring-in-queue" value={queue.sid} onChange={(event) => setQueue(DEMO_QUEUES.find((candidate) => candidate.sid === event.target.value) ?? DEMO_QUEUES[0])} style={{ display: 'block', marginBottom: 8 }}>
        {DEMO_QUEUES.map((candidate) => <option key={candidate.sid} value={candidate.sid}>{candidate.name}</option>)}
      </select>
      <button type="submit">Ring in</button>
    </form>
  );
}
