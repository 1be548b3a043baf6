import type { RawData } from 'ws';
import { SocketAckMessage } from './socket-messages.js';

/** The app's acknowledgement of one envelope; `payload` only when the ack carried an object. */
export interface SocketAck {
  payload?: Record<string, unknown>;
}

interface Pending {
  resolve: (ack: SocketAck | undefined) => void;
  timer: NodeJS.Timeout;
}

export function socketText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return (Buffer.isBuffer(data) ? data : Buffer.from(data)).toString('utf8');
}

/** Envelopes waiting for their ack, matched by envelope_id whichever connection the ack comes on. */
export class PendingAcks {
  readonly #pending = new Map<string, Pending>();

  /** Resolves with the ack, or undefined when none came within `timeoutMs` (or on `clear`). */
  wait(envelopeId: string, timeoutMs: number): Promise<SocketAck | undefined> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.#settle(envelopeId, undefined), timeoutMs);
      this.#pending.set(envelopeId, { resolve, timer });
    });
  }

  /** Slack ignores what it cannot read: broken JSON, no envelope_id, or an id it is not waiting for. */
  received(raw: string) {
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      return;
    }
    const parsed = SocketAckMessage.safeParse(json);
    if (!parsed.success) return;
    const { envelope_id, payload } = parsed.data;
    const isObject = typeof payload === 'object' && payload !== null && !Array.isArray(payload);
    this.#settle(envelope_id, isObject ? { payload: payload as Record<string, unknown> } : {});
  }

  clear() {
    for (const id of [...this.#pending.keys()]) this.#settle(id, undefined);
  }

  #settle(envelopeId: string, ack: SocketAck | undefined) {
    const pending = this.#pending.get(envelopeId);
    if (!pending) return;
    this.#pending.delete(envelopeId);
    clearTimeout(pending.timer);
    pending.resolve(ack);
  }
}
