import "server-only";
import { env } from "@/server/infra/env";
import { intervalFromEnv, startBackgroundTimer } from "@/server/infra/background-timer";
import { loadAuditKeys } from "./signing-keys";
import { writeAuditCheckpoints } from "./write-audit-checkpoints";

const DEFAULT_INTERVAL_SECONDS = 60;

/**
 * Signs checkpoints in the server process at least once a minute while there are new events
 * (decision 014), started from instrumentation.ts. Safe with several instances: each checkpoint's
 * (chain, position) is unique, so they cannot store two different ones. Failures (the database
 * down or restarting) are logged once and retried on the next tick; an overrun tick is skipped.
 * Does nothing without a signing key. AUDIT_CHECKPOINT_INTERVAL_SECONDS (1 to 60) shortens it.
 */
export function startAuditCheckpointTimer(): void {
  startBackgroundTimer("infoshare.auditCheckpointTimer", () => {
    const keys = loadAuditKeys();
    if (!keys.signing) return null;
    const seconds = intervalFromEnv("AUDIT_CHECKPOINT_INTERVAL_SECONDS", DEFAULT_INTERVAL_SECONDS, 1, 60);
    return {
      intervalMs: seconds * 1000,
      run: () => writeAuditCheckpoints(env().DATABASE_URL, { keys }),
      failed: (error) =>
        console.error("[audit] checkpoint signing failed; retrying every tick:", (error as Error).message),
      recovered: () => console.error("[audit] checkpoint signing works again"),
    };
  });
}
