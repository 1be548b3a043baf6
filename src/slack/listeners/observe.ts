import type { BotDeps } from '../deps.js';
import type { RequestMeta } from '../requests.js';

/** Times the acknowledgement from the moment the receiver had the request. */
export function observeAck(deps: BotDeps, kind: 'command' | 'click' | 'view', meta: RequestMeta) {
  deps.metrics.requestSeconds.observe(
    { kind, name: 'ack', outcome: 'ok' },
    (Date.now() - meta.receivedAt) / 1000,
  );
}
