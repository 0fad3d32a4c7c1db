import "server-only";

/** A job run on a timer in every app instance (the email outbox, audit checkpoints). */
export interface BackgroundJob {
  intervalMs: number;
  run: () => Promise<unknown>;
  /** Told of the first failure of a run of them (the database down or restarting); not of each tick. */
  failed: (error: unknown) => void;
  /** Told when the job works again after failing. */
  recovered?: () => void;
}

/**
 * Starts a job once per process (instrumentation.ts may run more than once), if `prepare` gives one
 * (null: not configured here, e.g. no SMTP_URL). A tick still running when the next is due is
 * skipped, a failure is reported once and retried on the next tick, and the timer never keeps the
 * process alive.
 */
export function startBackgroundTimer(name: string, prepare: () => BackgroundJob | null): void {
  const started = Symbol.for(name);
  const holder = globalThis as { [started]?: boolean };
  if (holder[started]) return;
  const job = prepare();
  if (!job) return;
  holder[started] = true;
  let running = false;
  let failing = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await job.run();
      if (failing) job.recovered?.();
      failing = false;
    } catch (error) {
      if (!failing) job.failed(error);
      failing = true;
    } finally {
      running = false;
    }
  };
  setInterval(() => void tick(), job.intervalMs).unref();
}

/** A pace from the environment, kept within [min, max]; the default when unset or not a number. */
export function intervalFromEnv(variable: string, fallback: number, min: number, max: number): number {
  const requested = Number(process.env[variable] ?? fallback);
  return Number.isFinite(requested) ? Math.min(Math.max(requested, min), max) : fallback;
}
