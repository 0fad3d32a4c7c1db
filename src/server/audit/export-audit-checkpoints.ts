import "server-only";
import pg from "pg";
import { chainKeyFor } from "@/domain/audit";
import { checkpointLine } from "@/domain/audit/checkpoint";
import { can } from "@/domain/policy";
import type { SignedInUser } from "../auth/current-actor";
import { env } from "../env";
import type { RequestMeta } from "../request-context";
import { auditEntry, recordAuditEvent } from "./append-audit-event";
import { readStoredCheckpoints } from "./write-audit-checkpoints";

export type ExportCheckpointsResult = { ok: true; body: string; filename: string } | { ok: false; status: 403 };

/**
 * The IG lead's download of their organisation's signed checkpoints (JSON Lines, one signed
 * checkpoint a line), for scripts/verify-export.mjs beside an audit export. Audited like exports.
 */
export async function exportAuditCheckpoints(user: SignedInUser, meta: RequestMeta): Promise<ExportCheckpointsResult> {
  if (!can(user, "audit.export")) {
    await recordAuditEvent(auditEntry(user, meta, { action: "access.denied", outcome: "DENIED", detail: { attempted: "audit.checkpoints" } }));
    return { ok: false, status: 403 };
  }
  const client = new pg.Client({ connectionString: env().DATABASE_URL, connectionTimeoutMillis: 5_000 });
  await client.connect();
  let checkpoints;
  try {
    checkpoints = await readStoredCheckpoints(client, chainKeyFor(user.organisationId));
  } finally {
    await client.end();
  }
  await recordAuditEvent(
    auditEntry(user, meta, { action: "audit.checkpoints", objectType: "audit-chain", outcome: "SUCCESS", detail: { checkpoints: checkpoints.length } }),
  );
  const stamp = new Date().toISOString().slice(0, 10);
  return { ok: true, body: checkpoints.map(checkpointLine).join(""), filename: `audit-checkpoints-${stamp}.jsonl` };
}
