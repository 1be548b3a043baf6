import { AsyncLocalStorage } from 'node:async_hooks';

/** A task's hold on a slot, and how many waits on the outside world it has open. */
interface Ticket {
  held: boolean;
  done: boolean;
  waits: number;
  release(): void;
  reacquire(): Promise<void>;
}

const current = new AsyncLocalStorage<Ticket>();

/**
 * Runs a wait on the outside world (an AWS call, a post to Slack) without holding the task's slot:
 * slots bound the work that uses the CPU, not the work that waits, so slow AWS answers never hold
 * up other people's answers. Outside a tracked task it just runs `io`.
 */
export async function whileWaiting<T>(io: () => Promise<T>): Promise<T> {
  const ticket = current.getStore();
  if (!ticket) return io();
  if (ticket.waits++ === 0 && ticket.held) {
    ticket.held = false;
    ticket.release();
  }
  try {
    return await io();
  } finally {
    if (--ticket.waits === 0) await ticket.reacquire();
  }
}

/**
 * Work started after an ack. At most `concurrency` tasks compute at a time, so that a burst of
 * commands cannot starve the acknowledgements of the next ones (Slack gives up after 3 s); tasks
 * waiting on AWS or Slack give their slot up meanwhile (see {@link whileWaiting}), and get it back
 * before new tasks start. Shutdown waits for every task still on its way.
 */
export function createInFlight(concurrency = 2) {
  let slots = 0;
  let tasks = 0;
  const returning: (() => void)[] = [];
  const fresh: (() => void)[] = [];
  let idle: (() => void)[] = [];
  const acquire = (queue: (() => void)[]): Promise<void> => {
    if (slots < concurrency) {
      slots++;
      return Promise.resolve();
    }
    return new Promise((resolve) => queue.push(resolve));
  };
  const release = () => {
    const next = returning.shift() ?? fresh.shift();
    if (next) next();
    else slots--;
  };
  const settle = () => {
    tasks--;
    if (tasks === 0) {
      for (const resolve of idle) resolve();
      idle = [];
    }
  };
  return {
    async track<T>(work: () => Promise<T>): Promise<T> {
      tasks++;
      await acquire(fresh);
      const ticket: Ticket = {
        held: true,
        done: false,
        waits: 0,
        release,
        reacquire: async () => {
          if (ticket.done) return;
          await acquire(returning);
          // A task may end while a wait it did not await was still out: give that slot back.
          if (ticket.done) release();
          else ticket.held = true;
        },
      };
      try {
        return await current.run(ticket, work);
      } finally {
        ticket.done = true;
        if (ticket.held) release();
        ticket.held = false;
        settle();
      }
    },
    /** Answers running or waiting for their turn. */
    get size() {
      return tasks;
    },
    /** Resolves when no task runs or waits, or after `timeoutMs`. */
    drained(timeoutMs: number): Promise<void> {
      if (tasks === 0) return Promise.resolve();
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
