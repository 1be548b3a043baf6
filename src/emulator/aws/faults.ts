import { AwsError } from './aws-error.js';
import { createRng, type Rng } from './prng.js';
import type { EmulatorStats, Faults, Operation, StsOperation } from './types.js';

/** What to do to one call: wait this long, then maybe fail with `error`. */
export interface FaultDecision {
  latencyMs: number;
  error: AwsError | undefined;
}

/** The injected faults and the dice they roll (seeded, so a run can be repeated). */
export class FaultState {
  #faults: Faults = {};
  readonly #rng: Rng;

  constructor(seed: number) {
    this.#rng = createRng(seed ^ 0x5eed);
  }

  get current(): Faults {
    return this.#faults;
  }

  set(faults: Faults): void {
    this.#faults = { ...faults };
  }

  /** `principal` is the caller's ARN, which an AccessDenied message quotes. */
  decide(operation: Operation, region: string, principal: string): FaultDecision {
    const f = this.#faults;
    const inRegion = !f.regions || f.regions.includes(region);
    const targeted = inRegion && (!f.operations || f.operations.includes(operation));
    const latencyMs = targeted ? (f.latencyMs ?? 0) : 0;
    if (targeted && f.expiredToken) {
      return {
        latencyMs,
        error: new AwsError(
          'ExpiredTokenException',
          403,
          'The security token included in the request is expired',
        ),
      };
    }
    if (inRegion && f.denyOperations?.includes(operation)) {
      const message = `User: ${principal} is not authorized to perform: backup:${operation} on resource: * because no identity-based policy allows the backup:${operation} action`;
      return { latencyMs, error: new AwsError('AccessDeniedException', 403, message) };
    }
    if (targeted && f.throttleRate && this.#rng.next() < f.throttleRate) {
      return { latencyMs, error: new AwsError('ThrottlingException', 400, 'Rate exceeded') };
    }
    if (targeted && f.errorRate && this.#rng.next() < f.errorRate) {
      const message = 'The service is temporarily unavailable. Please try again later.';
      return { latencyMs, error: new AwsError('ServiceUnavailableException', 500, message) };
    }
    return { latencyMs, error: undefined };
  }

  /** Whether AssumeRole into `account` is denied. */
  deniesAssumeRole(account: string): boolean {
    return this.#faults.denyAssumeRole?.includes(account) ?? false;
  }
}

/** Calls per operation and region, and the failures injected into them. */
export class CallStats {
  #stats: EmulatorStats = { calls: {}, total: 0, injected: {} };

  record(operation: Operation | StsOperation, region: string): void {
    const perRegion = this.#stats.calls[operation] ?? {};
    perRegion[region] = (perRegion[region] ?? 0) + 1;
    this.#stats.calls[operation] = perRegion;
    this.#stats.total++;
  }

  injected(errorName: string): void {
    this.#stats.injected[errorName] = (this.#stats.injected[errorName] ?? 0) + 1;
  }

  snapshot(): EmulatorStats {
    return structuredClone(this.#stats);
  }

  reset(): void {
    this.#stats = { calls: {}, total: 0, injected: {} };
  }
}
