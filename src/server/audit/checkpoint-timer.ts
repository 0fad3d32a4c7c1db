import "server-only";
import { env } from "@/server/infra/env";
import { loadAuditKeys } from "./signing-keys";
import { writeAuditCheckpoints } from "./write-audit-checkpoints";

const DEFAULT_INTERVAL_SECONDS = 60;
const STARTED = Symbol.for("infoshare.auditCheckpointTimer");

/**
 * Signs checkpoints in the server process at least once a minute while there are new events
 * (decision 014), started from instrumentation.ts. Safe with several instances: each checkpoint's
 * (chain, position) is unique, so they cannot store two different ones. Failures (the database
 * down or restarting) are logged once and retried on the next tick; an overrun tick is skipped.
 * Does nothing without a signing key. AUDIT_CHECKPOINT_INTERVAL_SECONDS (1 to 60) shortens it.
 */
export function startAuditCheckpointTimer(): void {
  const holder = globalThis as { [STARTED]?: boolean };
  if (holder[STARTED]) return;
  const keys = loadAuditKeys();
  if (!keys.signing) return;
  holder[STARTED] = true;
  const requested = Number(process.env.AUDIT_CHECKPOINT_INTERVAL_SECONDS ?? DEFAULT_INTERVAL_SECONDS);
  const seconds = Number.isFinite(requested)
    ? Math.min(Math.max(requested, 1), DEFAULT_INTERVAL_SECONDS)
    : DEFAULT_INTERVAL_SECONDS;
  let running = false;
  let failing = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await writeAuditCheckpoints(env().DATABASE_URL, { keys });
      if (failing) console.error("[audit] checkpoint signing works again");
      failing = false;
    } catch (error) {
      if (!failing) console.error("[audit] checkpoint signing failed; retrying every tick:", (error as Error).message);
      failing = true;
    } finally {
      running = false;
    }
  };
  setInterval(() => void tick(), seconds * 1000).unref();
}
