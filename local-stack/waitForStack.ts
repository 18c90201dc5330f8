import { EMULATOR_PORTS, WEBHOOK_URL } from './localStack.js';

/** Waits until Auth, Firestore and the functions answer; the functions load last. */
export async function waitForStack(timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const checks: [string, (status: number) => boolean][] = [
    [`http://127.0.0.1:${EMULATOR_PORTS.firestore}/`, (status) => status < 500],
    [`http://127.0.0.1:${EMULATOR_PORTS.auth}/`, (status) => status < 500],
    // The webhook answers GET with 405 once loaded (404 while the functions are still loading).
    [WEBHOOK_URL, (status) => status === 405],
  ];
  for (const [url, ready] of checks) {
    for (;;) {
      try {
        const response = await fetch(url);
        if (ready(response.status)) break;
      } catch {
        // not up yet
      }
      if (Date.now() > deadline) throw new Error(`The local stack did not come up: ${url} is not answering.`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}
