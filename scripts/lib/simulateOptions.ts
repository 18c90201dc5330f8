/** The options of `npm run simulate`, parsed and checked without touching the network. */
import { parseArgs } from 'node:util';
import { CAPTURED_EVENT_TYPES, normalizePhone } from '@interaction-history/model';
import { DELIVERY_ORDERS, type DeliveryOrder } from '../../local-stack/standInTaskRouter.js';

export const SIMULATE_USAGE = `Complete tasks as TaskRouter would, on a running local stack (npm start): each task's
callbacks as Twilio documents them (reservation.accepted, .wrapup, .completed with the
worker; task.completed without), signed, in the order asked for.

  npm run simulate -- [options]

  --phone <number>       caller's number (default: a random valid US number per event)
  --channel <name>       voice | sms | whatsapp (default voice)
  --outcome <code>       reason code (default none: a task without outcome)
  --comment <text>       agent comment
  --customer <number>    attribute the outcome to this searched customer instead of the caller
  --agent <name>         the worker who accepts the task (default Alice Agent)
  --transfer-to <name>   transfer the task to this worker, who then wraps it up
  --order <order>        as-happened | completed-first | reversed | shuffled (default as-happened)
  --completed-reason <t> TaskCompletedReason (default "Task completed")
  --event <type>         send only this event type (default: every type capture selects:
                         ${CAPTURED_EVENT_TYPES.join(', ')})
  --count <n>            how many events (default 1)
  --concurrency <n>      how many in flight at once (default 10)
  --url <url>            webhook URL (default: the local emulator's taskrouterEvents)
  --help                 this text`;

export interface SimulateOptions {
  readonly phone: string | null;
  readonly channel: 'voice' | 'sms' | 'whatsapp';
  readonly outcome: string | null;
  readonly comment: string | null;
  readonly customer: string | null;
  /** Only this event type, or null for every captured type. */
  readonly event: string | null;
  readonly agent: string;
  readonly transferTo: string | null;
  readonly order: DeliveryOrder;
  readonly completedReason: string | null;
  readonly count: number;
  readonly concurrency: number;
  readonly url: string | null;
  readonly help: boolean;
}

function positiveInteger(name: string, value: string | undefined, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1 || parsed > max) throw new Error(`--${name} must be a whole number from 1 to ${max}, not "${value}".`);
  return parsed;
}

function nonBlank(name: string, value: string | undefined): string | null {
  if (value === undefined) return null;
  if (value.trim() === '') throw new Error(`--${name} needs a value.`);
  return value.trim();
}

function deliveryOrder(value: string | undefined): DeliveryOrder {
  if (value === undefined) return 'as-happened';
  const order = DELIVERY_ORDERS.find((known) => known === value);
  if (!order) throw new Error(`--order must be one of ${DELIVERY_ORDERS.join(', ')}, not "${value}".`);
  return order;
}

export function parseSimulateOptions(argv: readonly string[]): SimulateOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      phone: { type: 'string' },
      channel: { type: 'string' },
      outcome: { type: 'string' },
      comment: { type: 'string' },
      customer: { type: 'string' },
      event: { type: 'string' },
      agent: { type: 'string' },
      'transfer-to': { type: 'string' },
      order: { type: 'string' },
      'completed-reason': { type: 'string' },
      count: { type: 'string' },
      concurrency: { type: 'string' },
      url: { type: 'string' },
      help: { type: 'boolean' },
    },
    strict: true,
  });
  const channel = values.channel ?? 'voice';
  if (channel !== 'voice' && channel !== 'sms' && channel !== 'whatsapp') throw new Error(`--channel must be voice, sms or whatsapp, not "${channel}".`);
  const phone = values.phone === undefined ? null : normalizePhone(values.phone);
  if (values.phone !== undefined && phone === null) throw new Error(`--phone "${values.phone}" is not a valid phone number.`);
  const customer = values.customer === undefined ? null : normalizePhone(values.customer);
  if (values.customer !== undefined && customer === null) throw new Error(`--customer "${values.customer}" is not a valid phone number.`);
  return {
    phone,
    channel,
    outcome: values.outcome ?? null,
    comment: values.comment ?? null,
    customer,
    event: values.event ?? null,
    agent: nonBlank('agent', values.agent) ?? 'Alice Agent',
    transferTo: nonBlank('transfer-to', values['transfer-to']),
    order: deliveryOrder(values.order),
    completedReason: nonBlank('completed-reason', values['completed-reason']),
    count: positiveInteger('count', values.count, 1, 100_000),
    concurrency: positiveInteger('concurrency', values.concurrency, 10, 500),
    url: values.url ?? null,
    help: values.help ?? false,
  };
}

/** Task attributes as the channel would carry them. */
export function simulatedAttributes(options: SimulateOptions, phone: string): Record<string, unknown> {
  const from = options.channel === 'whatsapp' ? `whatsapp:${phone}` : phone;
  return {
    from,
    channelType: options.channel,
    direction: 'inbound',
    ...(options.outcome ? { conversations: { outcome: options.outcome } } : {}),
    ...(options.comment || options.customer
      ? { interactionHistory: { ...(options.comment ? { comment: options.comment } : {}), ...(options.customer ? { customerPhone: options.customer } : {}) } }
      : {}),
  };
}
