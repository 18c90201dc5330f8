/**
 * Every test process runs with this guard: a TCP connection to anything but
 * this machine throws, and the test that caused it fails. HTTP, HTTPS, fetch,
 * gRPC and WebSockets all connect through net.Socket, so one patch covers them.
 */
import net from 'node:net';
import { afterEach } from 'vitest';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '0.0.0.0', '']);

export class OutboundNetworkBlocked extends Error {
  constructor(readonly target: string) {
    super(`Outbound network call blocked in tests: ${target}`);
    this.name = 'OutboundNetworkBlocked';
  }
}

const attempts: string[] = [];

// Google's auth library probes the GCE metadata server to learn where it runs;
// tests never run on Google Cloud, so tell it not to look.
process.env['METADATA_SERVER_DETECTION'] ??= 'none';

function targetOf(args: unknown[]): { host: string; port: unknown } | null {
  const first: unknown = Array.isArray(args[0]) ? args[0][0] : args[0];
  if (typeof first === 'object' && first !== null) {
    const options = first as { host?: string; hostname?: string; port?: unknown; path?: string };
    if (options.path) return null; // a Unix socket: local by definition
    return { host: options.host ?? options.hostname ?? '', port: options.port };
  }
  if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
    return { host: typeof args[1] === 'string' ? args[1] : '', port: first };
  }
  return null;
}

// eslint-disable-next-line @typescript-eslint/unbound-method -- kept to be called with the socket as `this` (apply below)
const originalConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function guardedConnect(this: net.Socket, ...args: unknown[]) {
  const target = targetOf(args);
  if (target && !LOOPBACK.has(target.host.replace(/^\[|\]$/g, ''))) {
    const description = `${target.host}:${String(target.port)}`;
    attempts.push(description);
    throw new OutboundNetworkBlocked(description);
  }
  return (originalConnect as (...a: unknown[]) => net.Socket).apply(this, args);
};

afterEach(() => {
  if (attempts.length > 0) {
    const blocked = attempts.splice(0);
    throw new Error(`This test tried to reach the network: ${blocked.join(', ')}`);
  }
});

/** For the guard's own test: forget attempts that the test provoked on purpose. */
export function forgetBlockedAttempts(): string[] {
  return attempts.splice(0);
}
