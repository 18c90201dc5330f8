/** Serves one function handler on a local port, the way the Functions framework would (express, raw body kept). */
import express from 'express';
import type { Request, Response } from 'firebase-functions/v2/https';
import type { AddressInfo } from 'node:net';

export async function serve(handler: (request: Request, response: Response) => unknown): Promise<{ url: string; close: () => Promise<void> }> {
  const app = express();
  app.use(
    express.urlencoded({
      extended: false,
      verify: (request, _response, buffer) => {
        (request as unknown as Request).rawBody = buffer;
      },
    }),
  );
  app.use(express.json());
  app.all('/', (request, response) => void handler(request as unknown as Request, response));
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
