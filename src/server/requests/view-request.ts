import "server-only";
import { type UseCaseResult } from "@/domain/errors";
import { can, requestRelationOf } from "@/domain/policy";
import { isOverdue, mayDisputeRefusal, statusAfter } from "@/domain/requests";
import { db } from "@/server/infra/db";
import { auditRequestStep, recordRequestEvent } from "./request-audit";
import { withRequest } from "./request-step";
import { REQUEST_SUMMARY_SELECT, type RequestSummary, requestSummary } from "./request-summary";

export interface RequestView extends RequestSummary {
  side: "requesting" | "responding";
  caseReference: string;
  childName: string;
  childDateOfBirth: string | null;
  nhsNumber: string | null;
  overdue: boolean;
  assignedTo: string | null;
  answer: {
    kind: "SHARE" | "NO_SHARE";
    body: string;
    answeredBy: string;
    answeredAt: Date;
    /** Answered through the wizard: a decision record of the responding organisation (decision 032). */
    recordedAsDecision: boolean;
    /** That record's reference, for the responding side only: the requester never sees it. */
    decisionReference: string | null;
  } | null;
  /** Someone of the contact team is answering it through the wizard (responding side only). */
  answerDraft: { author: string; mine: boolean } | null;
  events: { kind: string; at: Date; actor: string | null; organisation: string | null }[];
  /** The steps this user may take now. */
  may: { assign: boolean; acknowledge: boolean; answer: boolean; confirmReceipt: boolean; disputeRefusal: boolean };
  /** The contact team, for assigning (only when the user may assign). */
  team: { id: string; name: string }[];
}

export type ViewRequestResult = UseCaseResult<{ request: RequestView }>;

/**
 * A request as either party sees it. Every view is audited: by the requesting side in both
 * organisations' logs (the responding organisation learns who read what it shared) and recorded
 * in the request's own history; by the responding side in its own log.
 */
export const viewRequest = withRequest(
  "request.view",
  async (user, request, meta, now: Date = new Date()): Promise<ViewRequestResult> => {
    const side = user.organisationId === request.requestingOrganisationId ? "requesting" : "responding";
    const row = await db().informationRequest.findUniqueOrThrow({
      where: { id: request.id },
      select: {
        ...REQUEST_SUMMARY_SELECT,
        caseReference: true,
        childName: true,
        childDateOfBirth: true,
        nhsNumber: true,
        assignedTo: { select: { name: true } },
        answer: true,
        events: { orderBy: { id: "asc" }, take: 200 },
      },
    });
    const people = await db().user.findMany({
      where: {
        id: {
          in: [
            ...row.events.flatMap((e) => (e.actorId ? [e.actorId] : [])),
            ...(row.answer ? [row.answer.answeredById] : []),
          ],
        },
      },
      select: { id: true, name: true, organisation: { select: { name: true } } },
    });
    const byId = new Map(people.map((p) => [p.id, p]));
    // The responding organisation's own record and draft: never looked up for the requesting side.
    const [answerDecision, answerDraft] =
      side === "responding"
        ? await Promise.all([
            row.answer?.decisionId
              ? db().decision.findFirst({
                  where: { id: row.answer.decisionId, organisationId: user.organisationId },
                  select: { reference: true },
                })
              : null,
            db().decisionDraft.findUnique({
              where: { answersRequestId: request.id },
              select: { authorId: true, author: { select: { name: true } } },
            }),
          ])
        : [null, null];
    const may = {
      assign: can(user, "request.assign", request) && statusAfter("assign", request.status) !== null,
      acknowledge: can(user, "request.acknowledge", request) && statusAfter("acknowledge", request.status) !== null,
      answer: can(user, "request.respond", request) && statusAfter("answer", request.status) !== null,
      confirmReceipt:
        can(user, "request.confirm-receipt", request) && statusAfter("confirm-receipt", request.status) !== null,
      disputeRefusal:
        can(user, "request.dispute-refusal", request) &&
        mayDisputeRefusal(request.status, row.answer?.kind ?? null) &&
        !row.escalations.some((e) => e.reason === "REFUSAL_DISPUTED"),
    };
    const team = may.assign
      ? await db().user.findMany({
          where: {
            teamId: request.contactTeamId,
            disabledAt: null,
            role: { in: ["PRACTITIONER", "SUPERVISOR"] },
          },
          select: { id: true, name: true },
          orderBy: { name: "asc" },
        })
      : [];

    await db().$transaction(async (tx) => {
      if (side === "requesting") await recordRequestEvent(tx, user, request.id, "VIEWED");
      await auditRequestStep(
        tx,
        user,
        meta,
        request,
        "request.view",
        side === "requesting" ? ["requesting", "responding"] : ["responding"],
        { relation: requestRelationOf(user, request) },
      );
    });

    return {
      ok: true,
      request: {
        ...(await requestSummary(row)),
        side,
        caseReference: row.caseReference,
        childName: row.childName,
        childDateOfBirth: row.childDateOfBirth ? row.childDateOfBirth.toISOString().slice(0, 10) : null,
        nhsNumber: row.nhsNumber,
        overdue: isOverdue(row.status, row.dueAt, now),
        assignedTo: row.assignedTo?.name ?? null,
        answer: row.answer
          ? {
              kind: row.answer.kind,
              body: row.answer.body,
              answeredBy: byId.get(row.answer.answeredById)?.name ?? "",
              answeredAt: row.answer.answeredAt,
              recordedAsDecision: row.answer.decisionId !== null,
              decisionReference: answerDecision?.reference ?? null,
            }
          : null,
        events: row.events.map((e) => ({
          kind: e.kind,
          at: e.at,
          actor: e.actorId ? (byId.get(e.actorId)?.name ?? null) : null,
          organisation: e.actorId ? (byId.get(e.actorId)?.organisation.name ?? null) : null,
        })),
        may,
        team,
        answerDraft: answerDraft
          ? { author: answerDraft.author.name, mine: answerDraft.authorId === user.userId }
          : null,
      },
    };
  },
);
