/**
 * Reads a workspace's events from TaskRouter's Events REST API through the
 * `twilio` library, a page at a time, following the `next_page_url` each page
 * gives (Twilio asks clients not to build pages with `Page`).
 *
 * Every request the library makes, first page and next pages alike, goes
 * through `BaseUrlRequestClient`, which sends it to `TASKROUTER_API_URL`: a
 * Twilio origin in a URL is replaced by it, and a URL elsewhere is refused. In
 * production the setting is Twilio's own origin and nothing is rewritten; on
 * the local stack it is the stand-in's address, and no request can leave the
 * machine whatever a page answers.
 */
import twilio from 'twilio';
import type RequestClient from 'twilio/lib/base/RequestClient';
import type Response from 'twilio/lib/http/response';
import { taskrouterEventResourceSchema, tryDecode, type TaskrouterEventResource } from '@interaction-history/model';

/** Hosts that are Twilio's: their origin is replaced by the configured base URL. */
const TWILIO_HOST = /(^|\.)twilio\.com$/i;

export class BaseUrlRequestClient extends twilio.RequestClient {
  private readonly base: URL;

  constructor(baseUrl: string, options?: RequestClient.RequestClientOptions) {
    super(options);
    this.base = new URL(baseUrl);
  }

  /** The URL the request really goes to: Twilio's origin swapped for the base URL's (and its path prefix, if any). */
  destination(uri: string): string {
    const target = new URL(uri);
    if (!TWILIO_HOST.test(target.hostname)) return target.href;
    const prefix = this.base.pathname.replace(/\/+$/, '');
    return new URL(`${prefix}${target.pathname}${target.search}`, this.base.origin).href;
  }

  override request<TData>(opts: RequestClient.RequestOptions<TData>): Promise<Response<TData>> {
    const uri = this.destination(opts.uri);
    if (new URL(uri).origin !== this.base.origin) {
      return Promise.reject(new Error(`Refusing to follow ${uri}: TaskRouter is read only at ${this.base.origin} (TASKROUTER_API_URL).`));
    }
    return super.request({ ...opts, uri });
  }
}

export interface EventsApiSettings {
  readonly accountSid: string;
  readonly authToken: string;
  readonly workspaceSid: string;
  /** `TASKROUTER_API_URL`: https://taskrouter.twilio.com unless pointed at a stand-in. */
  readonly apiUrl: string;
  /** Per request; a page that takes longer fails the run, which the next run repeats. */
  readonly requestTimeoutMs?: number;
  readonly pageSize?: number;
}

export interface EventWindow {
  readonly from: Date;
  readonly to: Date;
}

/** One page as listed: the events that decode, and what was wrong with those that do not. */
export interface EventsPage {
  readonly events: readonly TaskrouterEventResource[];
  readonly undecodable: readonly string[];
}

/** What reconciliation needs from the Events API; tests and the local stack give the same interface a local server. */
export interface EventsSource {
  pages(window: EventWindow): AsyncIterable<EventsPage>;
}

/** What is read of a twilio-node list page: the JSON as served, and the way to the next page. */
interface ListedPage {
  readonly _payload: { readonly events: readonly unknown[] };
  nextPage(): Promise<ListedPage> | undefined;
}

function decodePage(raw: readonly unknown[]): EventsPage {
  const events: TaskrouterEventResource[] = [];
  const undecodable: string[] = [];
  raw.forEach((item, index) => {
    const decoded = tryDecode(taskrouterEventResourceSchema, item);
    if (decoded.ok) events.push(decoded.value);
    else {
      const sid = (item as { sid?: unknown } | null)?.sid;
      undecodable.push(`event ${typeof sid === 'string' ? sid : `#${index}`}: ${decoded.problems.join('; ')}`);
    }
  });
  return { events, undecodable };
}

export function twilioEventsSource(settings: EventsApiSettings): EventsSource {
  const httpClient = new BaseUrlRequestClient(settings.apiUrl, {
    // twilio-node's own backoff for 429 (Too Many Requests), the API's rate limit.
    autoRetry: true,
    maxRetries: 3,
    timeout: settings.requestTimeoutMs ?? 15_000,
  });
  const client = twilio(settings.accountSid, settings.authToken, { httpClient });
  const events = client.taskrouter.v1.workspaces(settings.workspaceSid).events;
  return {
    async *pages(window) {
      let page: ListedPage = await events.page({ startDate: window.from, endDate: window.to, pageSize: settings.pageSize ?? 1000 });
      for (;;) {
        // The documented JSON (snake_case), not the library's camelCase view: the one schema in model reads it.
        yield decodePage(page._payload.events);
        const next = page.nextPage();
        if (!next) return;
        page = await next;
      }
    },
  };
}
