import { z } from 'zod';
import type { SocketDisconnectReason } from './types.js';

/** Slack's name for the host behind a connection, shown in `debug_info`. */
const HOST = 'applink-stand-in';

/** Slack refreshes a connection every few hours; `hello` says roughly when (seconds). */
const APPROXIMATE_CONNECTION_TIME_SEC = 18060;

/** An acknowledgement as the app sends it: `{envelope_id, payload?}`; other fields are ignored. */
export const SocketAckMessage = z.looseObject({
  envelope_id: z.string().min(1),
  payload: z.unknown().optional(),
});

/** The first message on every connection. */
export function socketHello(appId: string, numConnections: number): string {
  return JSON.stringify({
    type: 'hello',
    num_connections: numConnections,
    debug_info: { host: HOST, build_number: 1, approximate_connection_time: APPROXIMATE_CONNECTION_TIME_SEC },
    connection_info: { app_id: appId },
  });
}

/** `too_many_websockets` is what Slack sends to a connection past the limit of 10. */
export function socketNotice(reason: SocketDisconnectReason | 'too_many_websockets'): string {
  return JSON.stringify({ type: 'disconnect', reason, debug_info: { host: HOST } });
}
