import "server-only";
import { env } from "./env";

// Admission control for the wizard's submissions (start, save an answer, record). Each runs about
// a dozen queries one after another. When a burst arrives — a thousand at once in the fault test —
// and every one of them is let loose on the ten pooled connections, each query queues behind all
// the others', every submission crawls forward in lockstep, and none finishes before its
// connection wait times out: nothing is recorded. Letting a few run at a time and queueing the rest
// (first come, first served; waiting costs nothing) keeps the database busy with work that will
// finish, so the burst drains at full speed. See docs/decisions/007-performance-and-resilience.md.

/** A submission waiting longer than this gives up with the error page instead of waiting on. */
export const ADMISSION_MAX_WAIT_MS = 30_000;

export class ServiceBusyError extends Error {
  constructor() {
    super("Too many submissions are waiting; try again shortly");
    this.name = "ServiceBusyError";
  }
}

export interface AdmissionQueue {
  run<T>(work: () => Promise<T>): Promise<T>;
  readonly running: number;
  readonly waiting: number;
}

export function admissionQueue(limit: number, maxWaitMs: number = ADMISSION_MAX_WAIT_MS): AdmissionQueue {
  let running = 0;
  const queue: Array<{ admit: () => void; timer: NodeJS.Timeout }> = [];
  const release = () => {
    const next = queue.shift();
    if (next) {
      clearTimeout(next.timer);
      next.admit();
    } else running -= 1;
  };
  const admitted = (): Promise<void> => {
    if (running < limit) {
      running += 1;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const entry = {
        admit: resolve,
        timer: setTimeout(() => {
          const index = queue.indexOf(entry);
          if (index !== -1) queue.splice(index, 1);
          reject(new ServiceBusyError());
        }, maxWaitMs),
      };
      queue.push(entry);
    });
  };
  return {
    async run<T>(work: () => Promise<T>): Promise<T> {
      await admitted();
      try {
        return await work();
      } finally {
        release();
      }
    },
    get running() {
      return running;
    },
    get waiting() {
      return queue.length;
    },
  };
}

const globalForAdmission = globalThis as unknown as { infoshareSubmissions?: AdmissionQueue };

/** The wizard's submissions: a couple of connections fewer than the pool, so pages still get one. */
export function submissions(): AdmissionQueue {
  globalForAdmission.infoshareSubmissions ??= admissionQueue(Math.max(1, env().DATABASE_POOL_SIZE - 2));
  return globalForAdmission.infoshareSubmissions;
}
