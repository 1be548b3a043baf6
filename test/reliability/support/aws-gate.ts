import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Forwarding proxies on 127.0.0.1 in front of the AWS emulator, one per worker, so a case knows
 * which worker is in the middle of a tick: its count is the only thing that calls AWS. Armed, the
 * next request to any of them is held (never forwarded) and reported, so that worker can be killed
 * in the middle of its tick.
 */
export interface AwsGates {
  /** A new proxy; its index is the order of creation. */
  open(): Promise<string>;
  /** Resolves with the proxy index and the request once the next request arrives at any proxy. */
  armOnce(): Promise<{ gate: number; what: string }>;
  /** Requests forwarded so far, by proxy index. */
  forwarded(): number[];
  close(): Promise<void>;
}

export function awsGates(target: string): AwsGates {
  let trap: ((caught: { gate: number; what: string }) => void) | undefined;
  const servers: http.Server[] = [];
  const counts: number[] = [];
  function handler(gate: number) {
    return (req: http.IncomingMessage, res: http.ServerResponse) => {
      if (trap) {
        const spring = trap;
        trap = undefined;
        spring({ gate, what: `${req.method} ${req.url}` });
        return; // held until the caller dies: the socket closes with it
      }
      counts[gate] = (counts[gate] ?? 0) + 1;
      const upstream = http.request(
        `${target}${req.url}`,
        { method: req.method, headers: req.headers },
        (up) => {
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.pipe(res);
        },
      );
      upstream.on('error', () => res.destroy());
      req.pipe(upstream);
    };
  }
  return {
    async open() {
      const gate = servers.length;
      const server = http.createServer(handler(gate));
      servers.push(server);
      counts.push(0);
      server.listen(0, '127.0.0.1');
      await once(server, 'listening');
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    },
    armOnce: () =>
      new Promise((resolve) => {
        trap = resolve;
      }),
    forwarded: () => [...counts],
    async close() {
      await Promise.all(
        servers.map(
          (server) =>
            new Promise<void>((resolve) => {
              server.close(() => resolve());
              server.closeAllConnections();
            }),
        ),
      );
    },
  };
}
