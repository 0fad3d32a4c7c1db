import "server-only";
import type { DecisionRecordData } from "@/domain/decision";
import { type UseCaseResult, fail } from "@/domain/errors";
import { type RecordAction, can } from "@/domain/policy";
import type { SignedInUser } from "../auth/current-actor";
import { appendAuditEvent, auditEntry } from "../audit/append-audit-event";
import { recordRefusal } from "../auth/refusal";
import { findOwnDecision } from "./load-decision-for-action";
import { db } from "@/server/infra/db";
import type { RequestMeta } from "@/server/infra/request-context";

/** The record as stored: dates are ISO strings after the JSON round trip. */
export type StoredDecisionRecord = Omit<
  DecisionRecordData,
  "decidedAt" | "reviewDueAt" | "retainUntil" | "reviewSeverity"
> & {
  /** Absent on records made before decision 027. */
  reviewSeverity?: DecisionRecordData["reviewSeverity"];
  decidedAt: string;
  reviewDueAt: string;
  retainUntil: string;
};

export interface DecisionView {
  id: string;
  reference: string;
  kind: "ORIGINAL" | "CORRECTION" | "RECONSIDERATION";
  organisationId: string;
  teamId: string | null;
  author: { id: string; name: string; jobTitle: string | null };
  organisationName: string;
  teamName: string | null;
  recordedAt: string;
  supersedes: { reference: string; kind: string } | null;
  followUps: { reference: string; kind: string; recordedAt: string }[];
  record: StoredDecisionRecord;
  /** Disposed of at the end of its retention period: only the tombstone is left. */
  disposed: boolean;
  canFollowUp: boolean;
  /** A share confirmed as done after the decision (issue 11), and whether this user may confirm one. */
  shareConfirmation: { sharedOn: string; method: string; confirmedBy: string; recordedAt: string } | null;
  canConfirmShare: boolean;
  /** The information request this decision answered (decision 032). */
  answersRequest: string | null;
}

/** Where a record was shown or sent: its page, or a download (JSON, PDF). */
export type DisclosureChannel = "page" | "json" | "pdf" | "print";

/** What a decision's page shows beside the record: its people, its follow-ups, its share confirmation. */
const DECISION_VIEW_INCLUDE = {
  author: { select: { id: true, name: true, jobTitle: true } },
  organisation: { select: { name: true } },
  team: { select: { name: true } },
  supersedes: { select: { reference: true, kind: true } },
  followUps: { select: { reference: true, kind: true, recordedAt: true }, orderBy: { recordedAt: "asc" } },
  shareConfirmation: {
    select: { sharedOn: true, method: true, recordedAt: true, confirmedBy: { select: { name: true } } },
  },
} as const;

export type ViewDecisionResult = UseCaseResult<{ decision: DecisionView }>;

/**
 * Loads one decision for someone allowed to see it, and records that they saw it: every view of
 * a record is an audit event. Records of another organisation are "not found", never "forbidden",
 * so their existence is not revealed.
 */
export async function viewDecision(
  user: SignedInUser,
  rawReference: string,
  meta: RequestMeta,
  purpose: { action: Extract<RecordAction, "decision.view" | "decision.export">; channel: DisclosureChannel },
): Promise<ViewDecisionResult> {
  const found = await findOwnDecision(user, rawReference, purpose.action, meta, (where) =>
    db().decision.findFirst({ where, include: DECISION_VIEW_INCLUDE }),
  );
  if (!found.ok) return found;
  const { decision } = found;

  if (!can(user, purpose.action, decision)) {
    await recordRefusal(user, meta, purpose.action, { type: "decision", id: decision.reference });
    return fail.forbidden("You do not have permission to view this decision");
  }
  const { reference: objectId, caseReference } = decision;
  const seen = { objectType: "decision", objectId, caseReference, outcome: "SUCCESS" as const };
  const [answered] = await Promise.all([
    db().informationRequestAnswer.findFirst({
      where: { decisionId: decision.id },
      select: { request: { select: { reference: true } } },
    }),
    db().$transaction((tx) =>
      appendAuditEvent(
        tx,
        auditEntry(user, meta, { ...seen, action: purpose.action, detail: { channel: purpose.channel } }),
      ),
    ),
  ]);

  return {
    ok: true,
    decision: {
      id: decision.id,
      reference: decision.reference,
      kind: decision.kind,
      organisationId: decision.organisationId,
      teamId: decision.teamId,
      author: decision.author,
      organisationName: decision.organisation.name,
      teamName: decision.team?.name ?? null,
      recordedAt: decision.recordedAt.toISOString(),
      supersedes: decision.supersedes,
      followUps: decision.followUps.map((f) => ({ ...f, recordedAt: f.recordedAt.toISOString() })),
      record: decision.record as unknown as StoredDecisionRecord,
      disposed: (decision.record as { disposed?: unknown }).disposed === true,
      canFollowUp:
        (decision.record as { disposed?: unknown }).disposed !== true && can(user, "decision.reconsider", decision),
      shareConfirmation: decision.shareConfirmation
        ? {
            sharedOn: decision.shareConfirmation.sharedOn.toISOString().slice(0, 10),
            method: decision.shareConfirmation.method,
            confirmedBy: decision.shareConfirmation.confirmedBy.name,
            recordedAt: decision.shareConfirmation.recordedAt.toISOString(),
          }
        : null,
      canConfirmShare:
        (decision.record as { disposed?: unknown }).disposed !== true &&
        decision.outcome !== "NO_SHARE" &&
        !decision.shareConfirmation &&
        can(user, "decision.confirm-share", decision),
      answersRequest: answered?.request.reference ?? null,
    },
  };
}
