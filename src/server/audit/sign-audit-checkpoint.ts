import "server-only";
import { chainKeyFor } from "@/domain/audit";
import { can } from "@/domain/policy";
import type { SignedInUser } from "../auth/current-actor";
import { env } from "../env";
import type { RequestMeta } from "../request-context";
import { auditEntry, recordAuditEvent } from "./append-audit-event";
import { writeAuditCheckpoints } from "./write-audit-checkpoints";

export type SignCheckpointResult = { ok: true; signed: boolean } | { ok: false; status: 403 | 503 };

/**
 * The IG lead's "Sign a checkpoint now": anchors their organisation's chain at once rather than
 * within the minute (before a disclosure, say). The request is audited first, so the checkpoint
 * covers its own event.
 */
export async function signAuditCheckpoint(user: SignedInUser, meta: RequestMeta): Promise<SignCheckpointResult> {
  if (!can(user, "audit.verify")) return { ok: false, status: 403 };
  await recordAuditEvent(auditEntry(user, meta, { action: "audit.checkpoint", objectType: "audit-chain", outcome: "SUCCESS" }));
  const written = await writeAuditCheckpoints(env().DATABASE_URL, { chainKey: chainKeyFor(user.organisationId) });
  return { ok: true, signed: written.length > 0 };
}
