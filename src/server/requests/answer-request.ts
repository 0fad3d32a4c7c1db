import "server-only";
import { type UseCaseResult, fail } from "@/domain/errors";
import { STEP_REFUSALS, answerRequestInputSchema, statusAfter } from "@/domain/requests";
import type { SignedInUser } from "../auth/current-actor";
import { type Tx, db } from "@/server/infra/db";
import { fieldErrorsFrom } from "../field-errors";
import { notify } from "../notifications/notify";
import type { RequestMeta } from "@/server/infra/request-context";
import { type RequestForAction, loadRequestForAction } from "./load-request-for-action";
import { auditRequestStep, recordRequestEvent } from "./request-audit";

export type AnswerRequestResult = UseCaseResult<{ reference: string }>;

/**
 * The contact team's answer without a decision record (decision 032: only when there is no decision
 * to make, such as no records held; answering through the wizard is the main way): the information
 * itself, delivered inside InfoShare (the email only says there is an answer), or the reasons for
 * not sharing. The requester is told; the answer is audited in both organisations' logs, since it
 * reaches the requesting one.
 */
export async function answerRequest(
  user: SignedInUser,
  reference: string,
  raw: unknown,
  meta: RequestMeta,
): Promise<AnswerRequestResult> {
  const loaded = await loadRequestForAction(user, reference, "request.respond", meta);
  if (!loaded.ok) return loaded;
  const parsed = answerRequestInputSchema.safeParse(raw);
  if (!parsed.success) return fail.invalid(fieldErrorsFrom(parsed.error));
  const { request } = loaded;
  if (!statusAfter("answer", request.status)) return fail.conflict(STEP_REFUSALS.answer);
  return db().$transaction((tx) => writeAnswer(tx, user, meta, request, parsed.data, null));
}

/** The answer's writes, in the caller's transaction; `decisionId` when a wizard decision answers it (decision 032). */
export async function writeAnswer(
  tx: Tx,
  user: SignedInUser,
  meta: RequestMeta,
  request: RequestForAction,
  answer: { answer: "SHARE" | "NO_SHARE"; body: string },
  decisionId: string | null,
): Promise<AnswerRequestResult> {
  const { count } = await tx.informationRequest.updateMany({
    where: { id: request.id, status: { in: ["RECEIVED", "ACKNOWLEDGED"] } },
    data: { status: "ANSWERED" },
  });
  if (count === 0) return fail.conflict(STEP_REFUSALS.answer);
  await tx.informationRequestAnswer.create({
    data: { requestId: request.id, kind: answer.answer, body: answer.body, decisionId, answeredById: user.userId },
  });
  await recordRequestEvent(tx, user, request.id, "ANSWERED", { answer: answer.answer });
  await notify(tx, { recipientIds: [request.requesterId], kind: "REQUEST_ANSWERED" });
  await auditRequestStep(tx, user, meta, request, "request.answer", ["responding", "requesting"], {
    answer: answer.answer,
  });
  return { ok: true, reference: request.reference };
}
