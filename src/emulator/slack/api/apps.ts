import type { ApiAnswer } from '../answers.js';
import type { StandInState } from '../state.js';

/** apps.connections.open: a WebSocket URL for Socket Mode, whose ticket works once. */
export function appsConnectionsOpen(_args: Record<string, unknown>, state: StandInState): ApiAnswer {
  return { ok: true, url: state.socketMode.openTicket() };
}
