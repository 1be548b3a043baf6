/**
 * Work started after an ack. It runs at most `concurrency` at a time so that a burst of commands
 * cannot starve the acknowledgements of the next ones (Slack gives up after 3 s), and shutdown can
 * wait for the answers still on their way.
 */
export function createInFlight(concurrency = 4) {
  let running = 0;
  let queued = 0;
  const waiting: (() => void)[] = [];
  let idle: (() => void)[] = [];
  const release = () => {
    running--;
    const next = waiting.shift();
    if (next) {
      running++;
      next();
    } else if (running === 0 && queued === 0) {
      for (const resolve of idle) resolve();
      idle = [];
    }
  };
  return {
    async track<T>(work: () => Promise<T>): Promise<T> {
      queued++;
      if (running >= concurrency) await new Promise<void>((resolve) => waiting.push(resolve));
      else running++;
      queued--;
      try {
        return await work();
      } finally {
        release();
      }
    },
    /** Answers running or waiting for their turn. */
    get size() {
      return running + waiting.length;
    },
    /** Resolves when nothing runs or waits, or after `timeoutMs`. */
    drained(timeoutMs: number): Promise<void> {
      if (running === 0 && waiting.length === 0) return Promise.resolve();
      return new Promise((resolve) => {
        const timer = setTimeout(resolve, timeoutMs);
        idle.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    },
  };
}

export type InFlight = ReturnType<typeof createInFlight>;
