import "server-only";
import { type JsonValue, chainKeyFor } from "@/domain/audit";
import type { SignedInUser } from "../auth/current-actor";
import { db } from "@/server/infra/db";
import { env } from "@/server/infra/env";
import type { RequestMeta } from "@/server/infra/request-context";
import { appendAuditEvent, auditEntry } from "./append-audit-event";
import { type AuditVerification, verifyAuditChains } from "./verify-audit-chains";

export const AUDIT_VERIFY_ACTION = "audit.verify";
export const AUDIT_CHAIN_OBJECT = "audit-chain";

export interface RunAuditVerificationResult {
  ok: true;
  verificationId: string;
  intact: boolean;
  verification: AuditVerification;
}

/**
 * An IG lead verifies their own organisation's audit chain. The verification is itself audited
 * (action "audit.verify", SUCCESS when intact, FAILURE when broken or when it could not run), and
 * the returned id is that event's, which is where the result is kept. The pipeline has checked the
 * permission (audit.verify).
 */
export async function runAuditVerification(
  user: SignedInUser,
  meta: RequestMeta,
  databaseUrl: string = env().DATABASE_URL,
): Promise<RunAuditVerificationResult> {
  const chainKey = chainKeyFor(user.organisationId);
  const record = (outcome: "SUCCESS" | "FAILURE", detail: { [key: string]: JsonValue }) =>
    db().$transaction((tx) =>
      appendAuditEvent(
        tx,
        auditEntry(user, meta, {
          action: AUDIT_VERIFY_ACTION,
          objectType: AUDIT_CHAIN_OBJECT,
          objectId: chainKey,
          outcome,
          detail,
        }),
      ),
    );

  let verification: AuditVerification;
  try {
    verification = await verifyAuditChains(databaseUrl, { chainKey });
  } catch (error) {
    await record("FAILURE", { completed: false }).catch(() => undefined);
    throw error;
  }
  const first = verification.breaks[0] ?? null;
  const { id } = await record(first ? "FAILURE" : "SUCCESS", {
    completed: true,
    chains: verification.chains,
    eventsChecked: verification.eventsChecked,
    breaks: verification.breaks.length,
    milliseconds: Math.round(verification.seconds * 1000),
    firstBreak: first
      ? { eventId: first.eventId, chainSeq: first.chainSeq, kind: first.kind, message: first.message }
      : null,
  });
  return { ok: true, verificationId: id.toString(), intact: first === null, verification };
}
