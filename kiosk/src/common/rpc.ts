/**
 * Contract-checked calls between the touch UI and the kiosk core, independent of the carrier.
 * The Electron preload and the browser shell's WebSocket are two carriers for the same messages.
 */
import type { z } from 'zod';
import { contracts, type Contracts, type ServiceName } from './contracts';

type Methods<S extends ServiceName> = Contracts[S]['methods'];
type Events<S extends ServiceName> = Contracts[S]['events'];

export type Unsubscribe = () => void;

/** The typed face of one service, as the renderer uses it and as the core implements it. */
export type Service<S extends ServiceName> = {
  [M in keyof Methods<S>]: (
    ...args: z.input<Methods<S>[M] extends { args: infer A extends z.ZodType } ? A : never> & unknown[]
  ) => Promise<z.output<Methods<S>[M] extends { result: infer R extends z.ZodType } ? R : never>>;
} & {
  [E in keyof Events<S>]: (
    listener: (payload: z.output<Events<S>[E] extends z.ZodType ? Events<S>[E] : never>) => void,
  ) => Unsubscribe;
};

export type Services = { [S in ServiceName]: Service<S> };

export interface RpcRequest {
  id: number;
  service: string;
  method: string;
  args: unknown[];
}
export type RpcResponse =
  | { id: number; ok: true; result: unknown }
  | { id: number; ok: false; error: { code: KioskErrorCode; message: string } };
export interface RpcEvent {
  service: string;
  event: string;
  payload: unknown;
}

export type KioskErrorCode =
  | 'bad-request'
  | 'unknown-service'
  | 'unknown-method'
  | 'invalid-args'
  | 'invalid-result'
  | 'not-available'
  | 'locked'
  | 'transport-closed'
  | 'failed';

/** The kiosk contracts' error: a stable code the UI branches on, and details for the logs. */
export class KioskError extends Error {
  override readonly name = 'KioskError';
  constructor(
    readonly code: KioskErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** What a carrier must do on the calling side. */
export interface RpcCarrier {
  request(service: string, method: string, args: unknown[]): Promise<unknown>;
  listen(service: string, event: string, listener: (payload: unknown) => void): Unsubscribe;
}

function lookup(service: string, method: string) {
  const contract = (
    contracts as Record<string, { methods: Record<string, { args: z.ZodType; result: z.ZodType }> }>
  )[service];
  if (!contract) throw new KioskError('unknown-service', `no service "${service}"`, { service });
  const spec = contract.methods[method];
  if (!spec) throw new KioskError('unknown-method', `no method "${service}.${method}"`, { service, method });
  return spec;
}

function eventSchema(service: string, event: string): z.ZodType | undefined {
  return (contracts as Record<string, { events: Record<string, z.ZodType> }>)[service]?.events[event];
}

/**
 * The calling side: a typed object per service whose methods check their arguments before sending and
 * their results on return, so a broken carrier or core cannot hand the UI a malformed state.
 */
export function createClient(carrier: RpcCarrier): Services {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [service, contract] of Object.entries(contracts)) {
    const face: Record<string, unknown> = {};
    for (const method of Object.keys(contract.methods)) {
      face[method] = async (...args: unknown[]) => {
        const spec = lookup(service, method);
        const parsed = spec.args.safeParse(args);
        if (!parsed.success) {
          throw new KioskError('invalid-args', `${service}.${method}: ${parsed.error.issues[0]?.message}`, {
            service,
            method,
          });
        }
        const result = await carrier.request(service, method, parsed.data as unknown[]);
        const checked = spec.result.safeParse(result);
        if (!checked.success) {
          throw new KioskError('invalid-result', `${service}.${method} returned a malformed result`, {
            service,
            method,
            issue: checked.error.issues[0]?.message,
          });
        }
        return checked.data;
      };
    }
    for (const event of Object.keys(contract.events)) {
      const schema = eventSchema(service, event)!;
      face[event] = (listener: (payload: unknown) => void) =>
        carrier.listen(service, event, (payload) => {
          const checked = schema.safeParse(payload);
          if (checked.success) listener(checked.data);
        });
    }
    out[service] = face;
  }
  return out as unknown as Services;
}

/**
 * The answering side: checks a request's shape, arguments and the implementation's result against the
 * contract, and never throws: every failure becomes an error response with a code.
 */
export function createDispatcher(implementations: Partial<Services>) {
  const impls = implementations as Record<string, Record<string, (...a: unknown[]) => unknown> | undefined>;
  return async function dispatch(raw: unknown): Promise<RpcResponse> {
    const id =
      typeof raw === 'object' && raw !== null && typeof (raw as RpcRequest).id === 'number'
        ? (raw as RpcRequest).id
        : -1;
    const fail = (code: KioskErrorCode, message: string): RpcResponse => ({
      id,
      ok: false,
      error: { code, message },
    });
    if (
      id < 0 ||
      typeof (raw as RpcRequest).service !== 'string' ||
      typeof (raw as RpcRequest).method !== 'string' ||
      !Array.isArray((raw as RpcRequest).args)
    ) {
      return fail('bad-request', 'a request is { id, service, method, args[] }');
    }
    const { service, method, args } = raw as RpcRequest;
    let spec;
    try {
      spec = lookup(service, method);
    } catch (err) {
      return fail((err as KioskError).code, (err as Error).message);
    }
    const parsed = spec.args.safeParse(args);
    if (!parsed.success) {
      return fail('invalid-args', `${service}.${method}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
    }
    const fn = impls[service]?.[method];
    if (typeof fn !== 'function') return fail('not-available', `${service}.${method} is not served here`);
    try {
      const result = await fn.apply(impls[service], parsed.data as unknown[]);
      const checked = spec.result.safeParse(result);
      if (!checked.success) return fail('invalid-result', `${service}.${method} produced a malformed result`);
      return { id, ok: true, result: checked.data };
    } catch (err) {
      const code = err instanceof KioskError ? err.code : 'failed';
      return fail(code, err instanceof Error ? err.message : String(err));
    }
  };
}

/**
 * Subscribes to every `onDid…` event the implementations offer and hands each checked payload to
 * `emit`. Returns one function that unsubscribes them all.
 */
export function forwardEvents(
  implementations: Partial<Services>,
  emit: (event: RpcEvent) => void,
): Unsubscribe {
  const subs: Unsubscribe[] = [];
  const impls = implementations as Record<string, Record<string, unknown> | undefined>;
  for (const [service, contract] of Object.entries(contracts)) {
    for (const event of Object.keys(contract.events)) {
      const subscribe = impls[service]?.[event];
      if (typeof subscribe !== 'function') continue;
      const schema = eventSchema(service, event)!;
      subs.push(
        (subscribe as (l: (p: unknown) => void) => Unsubscribe).call(impls[service], (payload) => {
          const checked = schema.safeParse(payload);
          if (checked.success) emit({ service, event, payload: checked.data });
        }),
      );
    }
  }
  return () => subs.forEach((u) => u());
}

/** Matches responses to requests by id; shared by both carriers' calling sides. */
export class PendingRequests {
  private next = 1;
  private readonly waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

  open(): { id: number; result: Promise<unknown> } {
    const id = this.next++;
    const result = new Promise<unknown>((resolve, reject) => this.waiting.set(id, { resolve, reject }));
    return { id, result };
  }

  settle(response: RpcResponse): void {
    const w = this.waiting.get(response.id);
    if (!w) return;
    this.waiting.delete(response.id);
    if (response.ok) w.resolve(response.result);
    else w.reject(new KioskError(response.error.code, response.error.message));
  }

  failAll(reason: string): void {
    for (const w of this.waiting.values()) w.reject(new KioskError('transport-closed', reason));
    this.waiting.clear();
  }
}
