import React, { useState } from 'react';
import { CHANNELS, type ChannelKey } from '../actions.js';

export function RingIn({ onRingIn }: { onRingIn: (phone: string, channel: ChannelKey) => void }) {
  const [phone, setPhone] = useState('+14155550100');
  const [channel, setChannel] = useState<ChannelKey>('voice');
  return (
    <form aria-label="Ring in a task" onSubmit={(event) => { event.preventDefault(); onRingIn(phone, channel); }} style={{ marginBottom: 16 }}>
      <label htmlFor="ring-in-phone">Caller number</label>
      <input id="ring-in-phone" value={phone} onChange={(event) => setPhone(event.target.value)} style={{ display: 'block', width: '100%', boxSizing: 'border-box' }} />
      <label htmlFor="ring-in-channel">Channel</label>
      <select id="ring-in-channel" value={channel} onChange={(event) => setChannel(event.target.value as ChannelKey)} style={{ display: 'block', marginBottom: 8 }}>
        {Object.entries(CHANNELS).map(([key, spec]) => <option key={key} value={key}>{spec.label}</option>)}
      </select>
      <button type="submit">Ring in</button>
    </form>
  );
}
