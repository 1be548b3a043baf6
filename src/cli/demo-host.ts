/** Addresses of this machine alone: the demo's default, since anyone who reaches it can drive the bot. */
export const LOOPBACK: readonly string[] = ['127.0.0.1', 'localhost', '::1'];
/** Every interface: for a container, or to show the demo to another machine. */
export const EVERY_INTERFACE: readonly string[] = ['0.0.0.0', '::'];

/** An address the demo may listen on, or undefined: this machine alone, or every interface. */
export function demoHost(raw: string): string | undefined {
  return LOOPBACK.includes(raw) || EVERY_INTERFACE.includes(raw) ? raw : undefined;
}

/** How the demo's own clients (the bot, the browser of whoever runs it) reach a server on `host`. */
export function reachAt(host: string): string {
  if (EVERY_INTERFACE.includes(host)) return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}
