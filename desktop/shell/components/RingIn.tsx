import React, { useEffect, useState } from 'react';
import { CHANNELS, type ChannelKey } from '../actions.js';
import { DEFAULT_QUEUE, loadQueues, type ShellQueue } from '../../demoQueues.js';

export function RingIn({ onRingIn }: { onRingIn: (phone: string, channel: ChannelKey, queue: ShellQueue) => void }) {
  const [phone, setPhone] = useState('+14155550100');
  const [channel, setChannel] = useState<ChannelKey>('voice');
  const [queues, setQueues] = useState<readonly ShellQueue[]>([DEFAULT_QUEUE]);
  const [queue, setQueue] = useState<ShellQueue>(DEFAULT_QUEUE);
  useEffect(() => {
    loadQueues().then(setQueues, () => undefined);
  }, []);
  return (
    <form aria-label="Ring in a task" onSubmit={(event) => { event.preventDefault(); onRingIn(phone, channel, queue); }} style={{ marginBottom: 16 }}>
      <label htmlFor="ring-in-phone">Caller number</label>
      <input id="ring-in-phone" value={phone} onChange={(event) => setPhone(event.target.value)} style={{ display: 'block', width: '100%', boxSizing: 'border-box' }} />
      <label htmlFor="ring-in-channel">Channel</label>
      <select id="ring-in-channel" value={channel} onChange={(event) => setChannel(event.target.value as ChannelKey)} style={{ display: 'block', marginBottom: 8 }}>
        {Object.entries(CHANNELS).map(([key, spec]) => <option key={key} value={key}>{spec.label}</option>)}
      </select>
      <label htmlFor="ring-in-queue">Queue</label>
      <select id="ring-in-queue" value={queue.name} onChange={(event) => setQueue(queues.find((candidate) => candidate.name === event.target.value) ?? DEFAULT_QUEUE)} style={{ display: 'block', marginBottom: 8 }}>
        {queues.map((candidate) => <option key={candidate.name} value={candidate.name}>{candidate.name}</option>)}
      </select>
      <button type="submit">Ring in</button>
    </form>
  );
}
