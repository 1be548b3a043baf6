import { newTriggerId } from './payloads.js';

/** views.open and views.push: "trigger_id expires in 3 seconds" and can be exchanged once (modals docs). */
export const TRIGGER_TTL_MS = 3000;

/** The documented form of a trigger_id: "132456.7890123.abcdef". */
const TRIGGER_FORM = /^\d+\.\d+\.[0-9a-f]+$/;

/** What a trigger_id remembers: whose interaction made it, when, and whether it was exchanged. */
interface Trigger {
  user: string;
  issuedMs: number;
  exchanged: boolean;
}

export type TriggerError = 'invalid_trigger_id' | 'expired_trigger_id' | 'exchanged_trigger_id';

/** The trigger_ids the stand-in put into commands, clicks and view submissions. */
export class Triggers {
  readonly #triggers = new Map<string, Trigger>();
  readonly #now: () => Date;

  constructor(now: () => Date) {
    this.#now = now;
  }

  /** A fresh trigger_id for an interaction by `user`. */
  issue(user: string): string {
    const id = newTriggerId();
    this.#triggers.set(id, { user, issuedMs: this.#now().getTime(), exchanged: false });
    return id;
  }

  /**
   * Exchanges a trigger_id for the user it belongs to, with the errors views.open lists: not ours or
   * malformed, older than 3 s, or exchanged before.
   */
  exchange(id: string): { user: string } | { error: TriggerError } {
    const trigger = TRIGGER_FORM.test(id) ? this.#triggers.get(id) : undefined;
    if (!trigger) return { error: 'invalid_trigger_id' };
    if (trigger.exchanged) return { error: 'exchanged_trigger_id' };
    if (this.#now().getTime() - trigger.issuedMs > TRIGGER_TTL_MS) return { error: 'expired_trigger_id' };
    trigger.exchanged = true;
    return { user: trigger.user };
  }
}
