/** Work started after an ack, so shutdown can wait for answers still on their way. */
export function createInFlight() {
  let running = 0;
  let idle: (() => void)[] = [];
  return {
    async track<T>(work: () => Promise<T>): Promise<T> {
      running++;
      try {
        return await work();
      } finally {
        running--;
        if (running === 0) {
          for (const resolve of idle) resolve();
          idle = [];
        }
      }
    },
    get size() {
      return running;
    },
    /** Resolves when nothing runs, or after `timeoutMs`. */
    drained(timeoutMs: number): Promise<void> {
      if (running === 0) return Promise.resolve();
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
