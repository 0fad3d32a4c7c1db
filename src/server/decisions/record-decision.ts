import "server-only";
import { type DecisionRecordData, type RecordProblem, buildDecisionRecord } from "@/domain/decision";
import { GUIDANCE_VERSION } from "@/domain/guidance";
import { can } from "@/domain/policy";
import { Prisma } from "@/generated/prisma/client";
import type { SignedInUser } from "../auth/current-actor";
import { appendAuditEvent, auditEntry } from "../audit/append-audit-event";
import { db } from "../db";
import type { RequestMeta } from "../request-context";
import { draftIdSchema, loadOwnDraft } from "./drafts";
import { newDecisionReference } from "./reference";
import { recordKeepingSettings } from "../organisation-settings";
import { notify, teamSupervisorIds } from "../notifications/notify";

export type RecordDecisionResult =
  | { ok: true; reference: string; alreadyRecorded: boolean }
  | { ok: false; status: 400 | 403 | 404; problems: RecordProblem[] };

const MAX_REFERENCE_ATTEMPTS = 5;

function isUniqueViolation(error: unknown, field: string): boolean {
  return (
    error instanceof Prisma.PrismaClientKnownRequestError &&
    error.code === "P2002" &&
    JSON.stringify(error.meta ?? {}).includes(field)
  );
}

async function alreadyRecordedFrom(user: SignedInUser, draftId: string): Promise<string | null> {
  const existing = await db().decision.findFirst({ where: { draftId, authorId: user.userId }, select: { reference: true } });
  return existing?.reference ?? null;
}

/** JSON for the record column: dates as ISO strings, nothing undefined. */
function recordJson(record: DecisionRecordData): Prisma.InputJsonObject {
  return JSON.parse(JSON.stringify(record)) as Prisma.InputJsonObject;
}

/**
 * Records a finished draft as a decision: the domain re-checks every answer, then the decision
 * row, the draft's removal and the audit event commit together. A draft records at most once
 * (unique draft id), so a double-submitted or replayed form gets the first decision back.
 */
export async function recordDecision(user: SignedInUser, draftId: string, meta: RequestMeta): Promise<RecordDecisionResult> {
  if (!can(user, "decision.record")) return { ok: false, status: 403, problems: [{ stepId: "context", field: "_form", message: "You cannot record decisions" }] };
  if (!draftIdSchema.safeParse(draftId).success) return { ok: false, status: 404, problems: [{ stepId: "context", field: "_form", message: "Draft not found" }] };

  const draft = await loadOwnDraft(user, draftId);
  if (!draft) {
    const reference = await alreadyRecordedFrom(user, draftId);
    if (reference) return { ok: true, reference, alreadyRecorded: true };
    return { ok: false, status: 404, problems: [{ stepId: "context", field: "_form", message: "Draft not found" }] };
  }

  const settings = await recordKeepingSettings(user.organisationId);
  for (let attempt = 1; ; attempt += 1) {
    const built = buildDecisionRecord(draft.answers, {
      settings,
      reference: newDecisionReference(),
      practitionerId: user.userId,
      organisationId: user.organisationId,
      organisationKind: draft.organisationKind,
      decidedAt: new Date(),
      guidanceVersion: GUIDANCE_VERSION,
    });
    if (!built.ok) return { ok: false, status: 400, problems: built.problems };
    const { record } = built;

    try {
      await db().$transaction(async (tx) => {
        const created = await tx.decision.create({
          data: {
            reference: record.reference,
            draftId: draft.id,
            kind: draft.kind,
            supersedesId: draft.supersedes?.id ?? null,
            organisationId: user.organisationId,
            teamId: user.teamId,
            authorId: user.userId,
            caseReference: record.caseReference,
            urgency: record.urgency,
            origin: record.origin,
            concernCategories: record.concernCategories,
            childAtRisk: record.childAtRiskOfSignificantHarm,
            indication: record.indication,
            outcome: record.outcome,
            departsFromIndication: record.departsFromIndication,
            reviewFlags: record.reviewFlags,
            consentStatus: record.consent.status,
            lawfulBasisIds: record.lawfulBases?.ids ?? [],
            guidanceVersion: record.guidanceVersion,
            decisionDate: new Date(`${record.decisionDate}T00:00:00Z`),
            recordedAt: record.decidedAt,
            reviewDueAt: record.reviewDueAt,
            retainUntil: record.retainUntil,
            record: recordJson(record),
          },
          select: { id: true },
        });
        await tx.reviewQueueItem.create({
          data: {
            decisionId: created.id,
            organisationId: user.organisationId,
            teamId: user.teamId,
            authorId: user.userId,
            flagged: record.reviewFlags.length > 0,
            flags: record.reviewFlags,
            outcome: record.outcome,
            recordedAt: record.decidedAt,
            reviewDueAt: record.reviewDueAt,
          },
        });
        await notify(tx, {
          recipientIds: await teamSupervisorIds(tx, user.teamId, [user.userId]),
          kind: "REVIEW_REQUESTED",
          decisionReference: record.reference,
        });
        // Deleting the draft inside the transaction serialises two racing submissions: the second
        // finds nothing to delete and rolls back.
        const removed = await tx.decisionDraft.deleteMany({ where: { id: draft.id } });
        if (removed.count !== 1) throw new Prisma.PrismaClientKnownRequestError("draft already recorded", { code: "P2002", clientVersion: "n/a", meta: { target: ["draft_id"] } });
        await appendAuditEvent(
          tx,
          auditEntry(user, meta, {
            action: "decision.record",
            objectType: "decision",
            objectId: record.reference,
            caseReference: record.caseReference,
            outcome: "SUCCESS",
            detail: {
              kind: draft.kind,
              outcome: record.outcome,
              indication: record.indication,
              departsFromIndication: record.departsFromIndication,
              flags: record.reviewFlags,
              ...(draft.supersedes ? { supersedes: draft.supersedes.reference } : {}),
            },
          }),
        );
      });
      return { ok: true, reference: record.reference, alreadyRecorded: false };
    } catch (error) {
      if (isUniqueViolation(error, "draft_id")) {
        const reference = await alreadyRecordedFrom(user, draft.id);
        if (reference) return { ok: true, reference, alreadyRecorded: true };
      }
      if (isUniqueViolation(error, "reference") && attempt < MAX_REFERENCE_ATTEMPTS) continue;
      throw error;
    }
  }
}
