/** The next `times` calls (of `methods`, or of every method) answer HTTP 429 with Retry-After. */
export interface RateLimitFault {
  methods?: string[];
  times: number;
  retryAfterSec: number;
}

/** The next `times` calls (of `methods`, or of every method) answer `{ok:false, error}`. */
export interface ErrorFault {
  methods?: string[];
  times: number;
  error: string;
}

export interface SlackFaults {
  rateLimit?: RateLimitFault;
  error?: ErrorFault;
  /** Delay before every Web API answer. */
  latencyMs?: number;
}

/** Slack's published tiers for the methods the product leans on. */
export const ENFORCED_LIMITS: Readonly<
  Record<string, { burst: number; perSec: number; perChannel: boolean }>
> = {
  'chat.postMessage': { burst: 5, perSec: 1, perChannel: true },
  'chat.update': { burst: 50, perSec: 50 / 60, perChannel: false },
  // Tier 4: 100+ per minute.
  'conversations.members': { burst: 100, perSec: 100 / 60, perChannel: false },
};

export type Throttle = { kind: 'rate_limited'; retryAfterSec: number } | { kind: 'error'; error: string };

function applies(fault: { methods?: string[]; times: number } | undefined, method: string): boolean {
  return !!fault && fault.times > 0 && (!fault.methods || fault.methods.includes(method));
}

/** Injected faults first, then (when enforced) token buckets like Slack's rate limits. */
export class Limits {
  #faults: SlackFaults = {};
  readonly #buckets = new Map<string, { tokens: number; atMs: number }>();
  readonly #enforce: boolean;
  readonly #now: () => Date;

  constructor(enforce: boolean, now: () => Date) {
    this.#enforce = enforce;
    this.#now = now;
  }

  /** Replaces every fault; `setFaults({})` clears them. */
  setFaults(faults: SlackFaults) {
    this.#faults = structuredClone(faults);
  }

  latencyMs(): number {
    return this.#faults.latencyMs ?? 0;
  }

  check(method: string, channel: string | undefined): Throttle | undefined {
    const { rateLimit, error } = this.#faults;
    if (rateLimit && applies(rateLimit, method)) {
      rateLimit.times -= 1;
      return { kind: 'rate_limited', retryAfterSec: rateLimit.retryAfterSec };
    }
    if (error && applies(error, method)) {
      error.times -= 1;
      return { kind: 'error', error: error.error };
    }
    return this.#enforce ? this.#take(method, channel) : undefined;
  }

  #take(method: string, channel: string | undefined): Throttle | undefined {
    const limit = ENFORCED_LIMITS[method];
    if (!limit) return undefined;
    const key = limit.perChannel ? `${method}:${channel ?? ''}` : method;
    const nowMs = this.#now().getTime();
    const bucket = this.#buckets.get(key) ?? { tokens: limit.burst, atMs: nowMs };
    bucket.tokens = Math.min(limit.burst, bucket.tokens + ((nowMs - bucket.atMs) / 1000) * limit.perSec);
    bucket.atMs = nowMs;
    this.#buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return undefined;
    }
    return {
      kind: 'rate_limited',
      retryAfterSec: Math.max(1, Math.ceil((1 - bucket.tokens) / limit.perSec)),
    };
  }
}
