import React, { useState } from 'react';
import type { LocalIdentity } from '../shellStore.js';

export function SignIn({ error, onSignIn }: { error: string | null; onSignIn: (role: LocalIdentity['role'], name: string) => void }) {
  const [role, setRole] = useState<LocalIdentity['role']>('agent');
  const [name, setName] = useState('Alice Agent');
  return (
    <form aria-label="Sign in" onSubmit={(event) => { event.preventDefault(); onSignIn(role, name); }} style={{ padding: 24, maxWidth: 360 }}>
      <h1>Local agent desktop</h1>
      <p>Sign in as a Flex worker. Tokens are minted locally with the same claims as in production.</p>
      <label htmlFor="sign-in-role">Role</label>
      <select id="sign-in-role" value={role} onChange={(event) => setRole(event.target.value as LocalIdentity['role'])} style={{ display: 'block', marginBottom: 12 }}>
        <option value="agent">Agent</option>
        <option value="supervisor">Supervisor</option>
        <option value="admin">Admin</option>
      </select>
      <label htmlFor="sign-in-name">Name</label>
      <input id="sign-in-name" value={name} onChange={(event) => setName(event.target.value)} style={{ display: 'block', marginBottom: 12 }} />
      <button type="submit">Sign in</button>
      {error && <p role="alert">{error}</p>}
    </form>
  );
}
