import "server-only";
import { chainKeyFor } from "@/domain/audit";
import type { UseCaseResult } from "@/domain/errors";
import type { SignedInUser } from "../auth/current-actor";
import { env } from "@/server/infra/env";
import type { RequestMeta } from "@/server/infra/request-context";
import { auditEntry, recordAuditEvent } from "./append-audit-event";
import { writeAuditCheckpoints } from "./write-audit-checkpoints";

export type SignCheckpointResult = UseCaseResult<{ signed: boolean }>;

/**
 * The IG lead's "Sign a checkpoint now": anchors their organisation's chain at once rather than
 * within the minute (before a disclosure, say). The request is audited first, so the checkpoint
 * covers its own event. The pipeline (routeHandler) has checked audit.verify.
 */
export async function signAuditCheckpoint(user: SignedInUser, meta: RequestMeta): Promise<SignCheckpointResult> {
  await recordAuditEvent(
    auditEntry(user, meta, { action: "audit.checkpoint", objectType: "audit-chain", outcome: "SUCCESS" }),
  );
  const written = await writeAuditCheckpoints(env().DATABASE_URL, { chainKey: chainKeyFor(user.organisationId) });
  return { ok: true, signed: written.length > 0 };
}
