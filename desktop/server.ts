/**
 * The local agent desktop's web server: the stand-in Flex shell, the real
 * plugin bundle, a development sign-in, and a stand-in TaskRouter that sends
 * signed `task.completed` callbacks to the taskrouterEvents function.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { build } from 'esbuild';
import { completeTaskRequestSchema, mintRequestSchema, signInRequestSchema, tryDecode, type MintResponse } from '@interaction-history/model';
import { EMULATOR_PORTS, functionUrl, localCentreTimeZone, PROJECT_ID, REPO_ROOT } from '../local-stack/localStack.js';
import { DEFAULT_WORKER, DELIVERY_ORDERS, taskEvents } from '../local-stack/standInTaskRouter.js';
import { deliverTaskEvents } from '../local-stack/taskrouter/delivery.js';
import { DEMO_QUEUES } from './demoCentre.js';
import { LocalFlexTokens } from './localFlexTokens.js';


export interface DesktopOptions {
  readonly port?: number;
  readonly host?: string;
  /** Plugin settings beyond the local defaults, e.g. a shorter page size. */
  readonly pluginSettings?: Record<string, unknown>;
}

export interface RunningDesktop {
  readonly url: string;
  close(): Promise<void>;
}

const PLUGIN_BUNDLE = join(REPO_ROOT, 'plugin', 'dist', 'plugin-interaction-history.js');
/** The supervisor and admin views' bundle: the plugin loads it from beside its own, as in production. */
const VIEWS_BUNDLE = join(REPO_ROOT, 'plugin', 'dist', 'plugin-interaction-history-views.js');
const REACT_UMD = join(REPO_ROOT, 'node_modules', 'react', 'umd', 'react.production.min.js');
const REACT_DOM_UMD = join(REPO_ROOT, 'node_modules', 'react-dom', 'umd', 'react-dom.production.min.js');
const MAX_BODY_BYTES = 256 * 1024;
/** The admin data-rights functions, passed through to the Functions emulator. */
const ADMIN_FUNCTIONS = ['eraseCustomer', 'exportCustomer', 'setRecordingSuppression', 'fileCaptureFailure'] as const;

async function buildShell(): Promise<string> {
  const result = await build({
    entryPoints: [join(REPO_ROOT, 'desktop', 'shell', 'boot.tsx')],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2020',
    jsx: 'transform',
    jsxFactory: 'React.createElement',
    jsxFragment: 'React.Fragment',
    alias: {
      react: join(REPO_ROOT, 'desktop', 'shell', 'pageReact.ts'),
      'react-dom': join(REPO_ROOT, 'desktop', 'shell', 'pageReactDom.ts'),
    },
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  });
  return result.outputFiles[0]?.text ?? '';
}

async function readBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error('Body too large');
    chunks.push(chunk as Buffer);
  }
  return chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
}

function send(response: ServerResponse, status: number, body: string | Buffer, type: string): void {
  response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  response.end(body);
}
const sendJson = (response: ServerResponse, status: number, body: unknown) => send(response, status, JSON.stringify(body), 'application/json');

export async function startDesktop(options: DesktopOptions = {}): Promise<RunningDesktop> {
  const tokens = new LocalFlexTokens();
  const shell = await buildShell();
  const page = await readFile(join(REPO_ROOT, 'desktop', 'shell', 'index.html'), 'utf8');
  let origin = '';

  const pluginConfig = () => ({
    mintTokenUrl: `${origin}/local/mintFirebaseToken`,
    // The admin functions (erase, export, suppression) are the real ones, in the Functions emulator, reached
    // through this page's origin (whatever its port), as Flex's own origin is allowed by their CORS.
    functionsUrl: `${origin}/local/functions`,
    firebase: { apiKey: 'demo-local-key', projectId: PROJECT_ID },
    centreTimeZone: localCentreTimeZone(),
    emulators: {
      authUrl: `http://127.0.0.1:${EMULATOR_PORTS.auth}`,
      firestoreHost: '127.0.0.1',
      firestorePort: EMULATOR_PORTS.firestore,
    },
    ...options.pluginSettings,
  });

  const routes: Record<string, (request: IncomingMessage, response: ServerResponse) => void | Promise<void>> = {
    'GET /': (_request, response) => send(response, 200, page, 'text/html; charset=utf-8'),
    'GET /favicon.ico': (_request, response) => {
      response.writeHead(204);
      response.end();
    },
    'GET /shell.js': (_request, response) => send(response, 200, shell, 'text/javascript'),
    'GET /vendor/react.js': async (_request, response) => send(response, 200, await readFile(REACT_UMD), 'text/javascript'),
    'GET /vendor/react-dom.js': async (_request, response) => send(response, 200, await readFile(REACT_DOM_UMD), 'text/javascript'),
    'GET /plugin/plugin-interaction-history.js': async (_request, response) => {
      // Read on every request, so a rebuilt plugin is picked up on reload.
      send(response, 200, await readFile(PLUGIN_BUNDLE), 'text/javascript');
    },
    'GET /plugin/plugin-interaction-history-views.js': async (_request, response) => {
      send(response, 200, await readFile(VIEWS_BUNDLE), 'text/javascript');
    },
    // The demo workspace's queues, offered when ringing in a task (TaskRouter's default queue first).
    'GET /local/queues': (_request, response) => sendJson(response, 200, [{ name: 'Everyone', sid: null }, ...DEMO_QUEUES]),
    'GET /local/config': (_request, response) => sendJson(response, 200, { interactionHistory: pluginConfig() }),
    'POST /local/sign-in': async (request, response) => {
      const body = tryDecode(signInRequestSchema, await readBody(request));
      if (!body.ok) {
        sendJson(response, 400, { error: { message: `Choose agent, supervisor or admin, and a name: ${body.problems.join('; ')}` } });
        return;
      }
      const { role, name } = body.value;
      const { token, identity } = tokens.issue(role, name);
      sendJson(response, 200, { token, identity });
    },
    // Same contract as the real mintFirebaseToken: { token } → { firebaseToken }.
    'POST /local/mintFirebaseToken': async (request, response) => {
      const body = tryDecode(mintRequestSchema, await readBody(request));
      const identity = body.ok ? tokens.verify(body.value.token) : null;
      if (!identity) {
        sendJson(response, 401, { error: { code: 'unauthenticated', message: 'The local Flex token is invalid or expired.' } });
        return;
      }
      sendJson(response, 200, { firebaseToken: await tokens.mintFirebaseToken(identity) } satisfies MintResponse);
    },
    ...Object.fromEntries(
      ADMIN_FUNCTIONS.map((name) => [
        `POST /local/functions/${name}`,
        async (request: IncomingMessage, response: ServerResponse) => {
          const answer = await fetch(functionUrl(name), {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', Authorization: request.headers.authorization ?? '' },
            body: JSON.stringify(await readBody(request)),
          });
          send(response, answer.status, Buffer.from(await answer.arrayBuffer()), answer.headers.get('content-type') ?? 'application/json');
        },
      ]),
    ),
    // The stand-in TaskRouter: a completed task becomes its lifecycle's events, kept for the Events API, and signed
    // callbacks to the real webhook (none when the desktop's switch drops them).
    'POST /local/taskrouter/complete': async (request, response) => {
      const decoded = tryDecode(completeTaskRequestSchema, await readBody(request));
      if (!decoded.ok) {
        sendJson(response, 400, { error: { message: `Not a task the stand-in TaskRouter can complete: ${decoded.problems.join('; ')}` } });
        return;
      }
      const task = decoded.value;
      // TaskRouter's events for the task: the reservation events name the agent, task.completed does not.
      const worker = { workerSid: task.workerSid ?? DEFAULT_WORKER.workerSid, workerName: task.workerName ?? DEFAULT_WORKER.workerName };
      const order = DELIVERY_ORDERS.find((known) => known === task.order) ?? 'as-happened';
      // Every event is kept for the stand-in's Events API; with the switch on, no callback is sent.
      const delivered = await deliverTaskEvents(
        taskEvents({
          taskSid: task.taskSid,
          attributes: task.attributes ?? {},
          ...(task.channel ? { channel: task.channel } : {}),
          // The queue's SID when the shell knows it (the queue's reason codes are keyed by it), else its name.
          ...(task.queueSid ? { queue: task.queueSid } : task.queue ? { queue: task.queue } : {}),
          workers: [worker],
          ageSeconds: Math.max(0, Math.round(task.ageSeconds ?? 0)),
        }),
        { order, dropRate: task.dropCallbacks === true ? 1 : 0 },
      );
      const { completed } = delivered;
      const allAnswered = delivered.answers.every((answer) => answer.status >= 200 && answer.status < 300);
      sendJson(response, allAnswered ? 200 : 502, {
        webhookStatus: completed?.status ?? null,
        webhook: completed?.body ?? null,
        events: delivered.answers.map(({ eventType, status }) => ({ eventType, status })),
        dropped: delivered.dropped,
      });
    },
  };

  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const route = routes[`${request.method ?? ''} ${path}`];
    if (!route) {
      sendJson(response, 404, { error: { message: 'Not found' } });
      return;
    }
    // A route answers at once or after awaiting; either way, a failure becomes a 500.
    const answer = async () => {
      await route(request, response);
    };
    answer().catch((error: unknown) => {
      if (!response.headersSent) sendJson(response, 500, { error: { message: error instanceof Error ? error.message : String(error) } });
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
