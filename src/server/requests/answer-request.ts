import "server-only";
import { type UseCaseResult, fail } from "@/domain/errors";
import { type RequestAnswerContent, STEP_REFUSALS, answerRequestInputSchema, statusAfter } from "@/domain/requests";
import type { SignedInUser } from "../auth/current-actor";
import { type Tx, db } from "@/server/infra/db";
import { notify } from "../notifications/notify";
import type { RequestMeta } from "@/server/infra/request-context";
import type { RequestForAction } from "./load-request-for-action";
import { withRequestInput } from "./request-step";
import { auditRequestStep, recordRequestEvent } from "./request-audit";

export type AnswerRequestResult = UseCaseResult<{ reference: string }>;

/**
 * The contact team's answer without a decision record (decision 032: only when there is no decision
 * to make, such as no records held; answering through the wizard is the main way): the information
 * itself, delivered inside InfoShare (the email only says there is an answer), or the reasons for
 * not sharing. The requester is told; the answer is audited in both organisations' logs, since it
 * reaches the requesting one.
 */
export const answerRequest = withRequestInput(
  "request.respond",
  answerRequestInputSchema,
  async (user, request, input, meta): Promise<AnswerRequestResult> => {
    if (!statusAfter("answer", request.status)) return fail.conflict(STEP_REFUSALS.answer);
    return db().$transaction((tx) => writeAnswer(tx, user, meta, request, input, null));
  },
);

/** The answer's writes, in the caller's transaction; `decisionId` when a wizard decision answers it (decision 032). */
export async function writeAnswer(
  tx: Tx,
  user: SignedInUser,
  meta: RequestMeta,
  request: RequestForAction,
  answer: RequestAnswerContent,
  decisionId: string | null,
): Promise<AnswerRequestResult> {
  if (!(await claimAnswer(tx, user, meta, request, answer))) return fail.conflict(STEP_REFUSALS.answer);
  await storeAnswer(tx, user, request, answer, decisionId);
  return { ok: true, reference: request.reference };
}

/**
 * Marks the request answered, if it is still open, and audits the answer on both sides: the request's row,
 * then both organisations' chain heads (in chain-key order). Whether it was still open.
 */
export async function claimAnswer(
  tx: Tx,
  user: SignedInUser,
  meta: RequestMeta,
  request: RequestForAction,
  answer: RequestAnswerContent,
): Promise<boolean> {
  const { count } = await tx.informationRequest.updateMany({
    where: { id: request.id, status: { in: ["RECEIVED", "ACKNOWLEDGED"] } },
    data: { status: "ANSWERED" },
  });
  if (count === 0) return false;
  await auditRequestStep(tx, user, meta, request, "request.answer", ["responding", "requesting"], {
    answer: answer.answer,
  });
  return true;
}

/** The answer itself, the request's history and the requester's notification, after `claimAnswer`. */
export async function storeAnswer(
  tx: Tx,
  user: SignedInUser,
  request: RequestForAction,
  answer: RequestAnswerContent,
  decisionId: string | null,
): Promise<void> {
  await tx.informationRequestAnswer.create({
    data: { requestId: request.id, kind: answer.answer, body: answer.body, decisionId, answeredById: user.userId },
  });
  await recordRequestEvent(tx, user, request.id, "ANSWERED", { answer: answer.answer });
  await notify(tx, { recipientIds: [request.requesterId], kind: "REQUEST_ANSWERED" });
}
