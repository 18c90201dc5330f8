/**
 * Points the real `twilio` Node client at a local base URL (this becomes the
 * `TASKROUTER_API_URL` setting). Two hooks exist in twilio-node:
 *
 * - every request goes through the client's `httpClient` (a `RequestClient`),
 *   with an absolute `uri`: the first page as
 *   `https://taskrouter.twilio.com/v1/...`, later pages as the server's own
 *   `meta.next_page_url`. `LocalBaseUrlRequestClient` swaps the origin of
 *   Twilio URIs for the local one, so nothing can leave for Twilio even if a
 *   server hands back a Twilio URL;
 * - `client.taskrouter.baseUrl` (the Domain's base URL) changes only where the
 *   first request goes; later pages still follow `next_page_url` as given.
 *
 * `taskRouterClient()` uses the first, and also refuses (throws) any request
 * that would not reach the base URL after rewriting.
 */
import twilio from 'twilio';
import type RequestClient from 'twilio/lib/base/RequestClient';
import type Response from 'twilio/lib/http/response';

/** Hosts that are Twilio's: their origin is replaced by the local base URL. */
const TWILIO_HOST = /(^|\.)twilio\.com$/i;

export class LocalBaseUrlRequestClient extends twilio.RequestClient {
  /** Every URI requested, after rewriting, with its query parameters (first pages, next pages; retries excluded). */
  readonly requestedUris: string[] = [];
  private readonly base: URL;

  constructor(baseUrl: string, options?: RequestClient.RequestClientOptions) {
    super(options);
    this.base = new URL(baseUrl);
  }

  /** Twilio's URL with the local origin (and the base URL's path prefix, if any). */
  rewrite(uri: string): string {
    const target = new URL(uri);
    if (!TWILIO_HOST.test(target.hostname)) return target.href;
    const prefix = this.base.pathname.replace(/\/+$/, '');
    return new URL(`${prefix}${target.pathname}${target.search}`, this.base.origin).href;
  }

  override request<TData>(opts: RequestClient.RequestOptions<TData>): Promise<Response<TData>> {
    const uri = this.rewrite(opts.uri);
    if (new URL(uri).origin !== this.base.origin) {
      return Promise.reject(new Error(`Refusing a request outside ${this.base.origin}: ${uri}`));
    }
    const recorded = new URL(uri);
    for (const [key, value] of Object.entries((opts.params ?? {}) as Record<string, unknown>)) {
      if (value === undefined) continue;
      recorded.searchParams.append(key, typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value));
    }
    this.requestedUris.push(recorded.href);
    return super.request({ ...opts, uri });
  }
}

export interface TaskRouterClientOptions {
  /** Retry 429 answers with twilio-node's own backoff (off unless asked, as in twilio-node). */
  readonly autoRetry?: boolean;
  readonly maxRetries?: number;
  readonly timeout?: number;
}

export interface LocalTwilioClient {
  readonly client: twilio.Twilio;
  readonly httpClient: LocalBaseUrlRequestClient;
}

/** A real `twilio` client whose every request goes to `baseUrl` instead of Twilio. */
export function taskRouterClient(
  accountSid: string,
  authToken: string,
  baseUrl: string,
  options: TaskRouterClientOptions = {},
): LocalTwilioClient {
  const httpClient = new LocalBaseUrlRequestClient(baseUrl, {
    autoRetry: options.autoRetry ?? false,
    ...(options.maxRetries === undefined ? {} : { maxRetries: options.maxRetries }),
    ...(options.timeout === undefined ? {} : { timeout: options.timeout }),
  });
  const client = twilio(accountSid, authToken, { httpClient });
  return { client, httpClient };
}
