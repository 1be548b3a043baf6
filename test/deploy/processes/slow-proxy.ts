import type { AddressInfo } from 'node:net';
import { connect, createServer, type Socket } from 'node:net';

export interface SlowProxy {
  /** `redis://127.0.0.1:PORT`: the upstream Redis, each answer held back by `delayMs`. */
  url: string;
  close(): Promise<void>;
}

/**
 * A TCP proxy in front of Redis that delays every answer, like a managed Redis far away: it
 * widens the moments between a Redis call and its answer so that a test can land a signal there.
 */
export async function startSlowProxy(upstream: string, delayMs: number): Promise<SlowProxy> {
  const target = new URL(upstream);
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const redis = connect(Number(target.port || 6379), target.hostname);
    sockets.add(client).add(redis);
    client.pipe(redis);
    // Equal delays fire in order, so the answers keep theirs.
    redis.on('data', (chunk: Buffer) => setTimeout(() => client.writable && client.write(chunk), delayMs));
    const end = () => {
      client.destroy();
      redis.destroy();
      sockets.delete(client);
      sockets.delete(redis);
    };
    client.on('close', end).on('error', end);
    redis.on('close', () => setTimeout(end, delayMs)).on('error', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `redis://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
