/**
 * At most `max` AWS calls of this process in flight at once; the others queue in order. A burst
 * of commands then cannot fan out into thousands of simultaneous ListBackupJobs calls, which AWS
 * would throttle (and which would take the CPU from acknowledgements).
 */
export function callLimit(max: number): <T>(io: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (io) => {
    if (running >= max) await new Promise<void>((resolve) => waiting.push(resolve));
    else running++;
    try {
      return await io();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else running--;
    }
  };
}
