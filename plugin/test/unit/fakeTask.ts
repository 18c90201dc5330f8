import type { FlexTask } from '../../src/flex/flexApi.js';

/** A promise with its settle functions, for holding a write open until the test lets it finish. */
export interface Deferred<T> {
  readonly promise: Promise<T>;
  resolve(value: T): void;
  reject(reason: unknown): void;
}

export function deferred<T = void>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

export interface SetAttributesCall {
  /** What the writer asked the task to hold. */
  readonly attributes: Record<string, unknown>;
  /** Settles this call: the attributes are taken over on resolve, left as they were on reject. */
  readonly result: Deferred<void>;
}

/**
 * An in-memory Flex task. In `auto` mode every `setAttributes` succeeds at
 * once; in `manual` mode each call waits until the test settles it.
 */
export class FakeTask implements FlexTask {
  readonly calls: SetAttributesCall[] = [];
  private readonly callWaiters: { count: number; resolve: () => void }[] = [];
  private failuresLeft = 0;

  constructor(
    readonly taskSid: string,
    public attributes: Record<string, unknown>,
    private readonly mode: 'auto' | 'manual' = 'auto',
    readonly queueSid = `WQ${'0'.repeat(32)}`,
    readonly queueName = 'Everyone',
  ) {}

  /** The next `count` calls of `setAttributes` fail (in `auto` mode). */
  failNext(count = 1): void {
    this.failuresLeft = count;
  }

  setAttributes(attributes: object): Promise<unknown> {
    const call: SetAttributesCall = { attributes: attributes as Record<string, unknown>, result: deferred() };
    this.calls.push(call);
    for (const waiter of this.callWaiters.filter((w) => this.calls.length >= w.count)) waiter.resolve();
    if (this.mode === 'auto') {
      if (this.failuresLeft > 0) {
        this.failuresLeft -= 1;
        call.result.reject(new Error('TaskRouter refused the update'));
      } else {
        call.result.resolve();
      }
    }
    return call.result.promise.then(() => {
      this.attributes = call.attributes;
      return this;
    });
  }

  /** Resolves once `setAttributes` has been called `count` times in all. */
  calledTimes(count: number): Promise<void> {
    if (this.calls.length >= count) return Promise.resolve();
    return new Promise((resolve) => this.callWaiters.push({ count, resolve }));
  }

  call(index: number): SetAttributesCall {
    const call = this.calls[index];
    if (!call) throw new Error(`setAttributes was called ${this.calls.length} times, not ${index + 1}`);
    return call;
  }
}

/** Lets every pending promise callback run (a macrotask turn), so that work that could start, has. */
export function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
