import "server-only";
import pg from "pg";
import { chainKeyFor } from "@/domain/audit";
import { checkpointLine } from "@/domain/audit/checkpoint";
import type { UseCaseResult } from "@/domain/errors";
import type { SignedInUser } from "../auth/current-actor";
import { env } from "@/server/infra/env";
import type { RequestMeta } from "@/server/infra/request-context";
import { auditEntry, recordAuditEvent } from "./append-audit-event";
import { readStoredCheckpoints } from "./write-audit-checkpoints";

export type ExportCheckpointsResult = UseCaseResult<{ body: string; filename: string }>;

/**
 * The IG lead's download of their organisation's signed checkpoints (JSON Lines, one signed
 * checkpoint a line), for scripts/verify-export.mjs beside an audit export. Audited like exports.
 * The pipeline (routeHandler) has checked audit.export.
 */
export async function exportAuditCheckpoints(user: SignedInUser, meta: RequestMeta): Promise<ExportCheckpointsResult> {
  const client = new pg.Client({ connectionString: env().DATABASE_URL, connectionTimeoutMillis: 5_000 });
  await client.connect();
  let checkpoints;
  try {
    checkpoints = await readStoredCheckpoints(client, chainKeyFor(user.organisationId));
  } finally {
    await client.end();
  }
  await recordAuditEvent(
    auditEntry(user, meta, {
      action: "audit.checkpoints",
      objectType: "audit-chain",
      outcome: "SUCCESS",
      detail: { checkpoints: checkpoints.length },
    }),
  );
  const stamp = new Date().toISOString().slice(0, 10);
  return { ok: true, body: checkpoints.map(checkpointLine).join(""), filename: `audit-checkpoints-${stamp}.jsonl` };
}
