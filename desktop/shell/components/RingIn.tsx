import React, { useState } from 'react';
import { CHANNELS, QUEUES, type ChannelKey } from '../actions.js';

export function RingIn({ onRingIn }: { onRingIn: (phone: string, channel: ChannelKey, queueName: string) => void }) {
  const [phone, setPhone] = useState('+14155550100');
  const [channel, setChannel] = useState<ChannelKey>('voice');
  const [queueName, setQueueName] = useState<string>(QUEUES[0]);
  return (
    <form aria-label="Ring in a task" onSubmit={(event) => { event.preventDefault(); onRingIn(phone, channel, queueName); }} style={{ marginBottom: 16 }}>
      <label htmlFor="ring-in-phone">Caller number</label>
      <input id="ring-in-phone" value={phone} onChange={(event) => setPhone(event.target.value)} style={{ display: 'block', width: '100%', boxSizing: 'border-box' }} />
      <label htmlFor="ring-in-channel">Channel</label>
      <select id="ring-in-channel" value={channel} onChange={(event) => setChannel(event.target.value as ChannelKey)} style={{ display: 'block', marginBottom: 8 }}>
        {Object.entries(CHANNELS).map(([key, spec]) => <option key={key} value={key}>{spec.label}</option>)}
      </select>
      <label htmlFor="ring-in-queue">Queue</label>
      <select id="ring-in-queue" value={queueName} onChange={(event) => setQueueName(event.target.value)} style={{ display: 'block', marginBottom: 8 }}>
        {QUEUES.map((queue) => <option key={queue} value={queue}>{queue}</option>)}
      </select>
      <button type="submit">Ring in</button>
    </form>
  );
}
