import { readFileSync } from 'node:fs';

/** The resident set of a process, from /proc (Linux), in MiB. */
export function rssMib(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1]);
  if (!Number.isFinite(kb)) throw new Error(`no VmRSS for process ${pid}`);
  return kb / 1024;
}

/** RSS samples of one process, taken every `everyMs` until `stop()`. */
export interface RssSampler {
  /** Samples since the last `mark()` (or the start), in MiB. */
  since(): number[];
  /** Starts a new span of samples. */
  mark(): void;
  stop(): void;
}

export function sampleRss(pid: number, everyMs = 100): RssSampler {
  let span: number[] = [rssMib(pid)];
  const timer = setInterval(() => {
    try {
      span.push(rssMib(pid));
    } catch {
      clearInterval(timer); // the process is gone
    }
  }, everyMs);
  return {
    since: () => [...span],
    mark() {
      span = [rssMib(pid)];
    },
    stop: () => clearInterval(timer),
  };
}
