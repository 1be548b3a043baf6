import { randomBytes } from 'node:crypto';
import net from 'node:net';

/** What the slow senders saw: each answer's status line code (or how the socket ended), counted. */
export interface SlowSenders {
  /** `408`, `401`, … or `closed` (ended with no answer) and `error` (refused, reset). */
  statuses(): Map<string, number>;
  /** Connections opened so far, the first ones and the re-opened ones. */
  opened(): number;
  /** Stops re-opening and closes every socket; resolves once all are closed. */
  stop(): Promise<void>;
}

export interface SlowSendOptions {
  /** Connections held open at once; each one cut is opened again at once. */
  connections: number;
  /** The Content-Length every request announces. */
  declaredBytes: number;
  /** Bytes sent per tick, and the tick. */
  chunkBytes: number;
  everyMs: number;
  /** A `v0=<64 hex>` signature that is well formed but verifies nothing, with a fresh timestamp. */
  signed: boolean;
}

function head(port: number, options: SlowSendOptions): string {
  const lines = [
    'POST /slack/events HTTP/1.1',
    `Host: 127.0.0.1:${port}`,
    'Content-Type: application/x-www-form-urlencoded',
    `Content-Length: ${options.declaredBytes}`,
  ];
  if (options.signed) {
    lines.push(
      `X-Slack-Signature: v0=${randomBytes(32).toString('hex')}`,
      `X-Slack-Request-Timestamp: ${Math.floor(Date.now() / 1000)}`,
    );
  }
  return `${lines.join('\r\n')}\r\n\r\n`;
}

/**
 * Holds `connections` raw HTTP requests to the bot whose bodies arrive a chunk at a time, far
 * slower than their announced length needs; a connection the bot cuts is opened again at once,
 * as an attacker would. Every answer's status line is counted.
 */
export function holdSlowSenders(port: number, options: SlowSendOptions): SlowSenders {
  const counts = new Map<string, number>();
  const count = (what: string) => counts.set(what, (counts.get(what) ?? 0) + 1);
  const sockets = new Set<net.Socket>();
  let opened = 0;
  let running = true;
  const chunk = `payload=${'a'.repeat(Math.max(0, options.chunkBytes - 8))}`;

  function open() {
    opened += 1;
    const socket = net.connect(port, '127.0.0.1');
    sockets.add(socket);
    let sent = 0;
    let answered = false;
    let timer: NodeJS.Timeout | undefined;
    socket.setNoDelay(true);
    socket.on('connect', () => {
      socket.write(head(port, options));
      timer = setInterval(() => {
        if (sent + chunk.length > options.declaredBytes) return;
        sent += chunk.length;
        socket.write(chunk);
      }, options.everyMs);
    });
    socket.once('data', (data: Buffer) => {
      answered = true;
      count(/^HTTP\/1\.1 (\d{3})/.exec(data.toString('latin1'))?.[1] ?? 'garbled');
    });
    socket.on('error', () => {
      if (!answered) count('error');
      answered = true;
    });
    socket.on('close', () => {
      clearInterval(timer);
      sockets.delete(socket);
      if (!answered) count('closed');
      if (running) open();
      else if (sockets.size === 0) for (const resolve of idle.splice(0)) resolve();
    });
  }

  const idle: (() => void)[] = [];
  for (let i = 0; i < options.connections; i++) open();
  return {
    statuses: () => new Map(counts),
    opened: () => opened,
    stop() {
      running = false;
      if (sockets.size === 0) return Promise.resolve();
      const closed = new Promise<void>((resolve) => idle.push(resolve));
      for (const socket of sockets) socket.destroy();
      return closed;
    },
  };
}

/** One unsigned request whose body starts to arrive: resolves with its status and time to it. */
export function unsignedRequest(
  port: number,
  declaredBytes: number,
): Promise<{ status: string; ms: number }> {
  const started = performance.now();
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let done = false;
    const finish = (status: string) => {
      if (done) return;
      done = true;
      resolve({ status, ms: performance.now() - started });
      socket.destroy();
    };
    socket.on('connect', () => {
      socket.write(head(port, { connections: 1, declaredBytes, chunkBytes: 0, everyMs: 0, signed: false }));
      socket.write(`payload=${'a'.repeat(1000)}`);
    });
    socket.once('data', (data: Buffer) =>
      finish(/^HTTP\/1\.1 (\d{3})/.exec(data.toString('latin1'))?.[1] ?? 'garbled'),
    );
    socket.on('error', () => finish('error'));
    socket.on('close', () => finish('closed'));
    socket.setTimeout(10_000, () => finish('no answer within 10 s'));
  });
}
