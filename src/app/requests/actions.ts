"use server";
import { sendRequest } from "@/server/requests/send-request";
import { acknowledgeRequest } from "@/server/requests/acknowledge-request";
import { assignRequest } from "@/server/requests/assign-request";
import { answerRequest } from "@/server/requests/answer-request";
import { startAnswerDraft } from "@/server/requests/start-answer-draft";
import { confirmRequestReceipt } from "@/server/requests/confirm-request-receipt";
import { decideEscalation } from "@/server/requests/decide-escalation";
import { disputeRefusal } from "@/server/requests/dispute-refusal";
import type { UseCaseResult } from "@/domain/errors";
import type { SignedInUser } from "@/server/auth/current-actor";
import type { RequestMeta } from "@/server/infra/request-context";
import { type RunUseCase, formAction, goTo } from "@/server/pipeline/action";
import type { RequestNotice } from "./notices";

// Sending needs the global permission; the steps on one request are record-scoped: the pipeline
// checks only that someone is signed in, and the use case asks the request policy and audits a refusal.

export const sendRequestAction = formAction(
  { access: "request.send" },
  ({ user, fields, meta }) => sendRequest(user, fields, meta),
  { done: ({ reference }) => goTo(`/requests/${reference}?done=${"sent" satisfies RequestNotice}`) },
);

type OnRequest<Result> = (user: SignedInUser, reference: string, meta: RequestMeta) => Promise<Result>;
type FormOnRequest<Result> = (
  user: SignedInUser,
  reference: string,
  raw: unknown,
  meta: RequestMeta,
) => Promise<Result>;

/** A step on one request (its reference bound), then back to the request's page saying it is `done`. */
function stepOnRequest<Result extends UseCaseResult>(
  run: RunUseCase<"signed-in", [reference: string], Result>,
  done: RequestNotice,
  path = "/requests",
) {
  return formAction({ access: "signed-in" }, run, {
    done: (_result, _context, reference) => goTo(`${path}/${encodeURIComponent(reference)}?done=${done}`),
  });
}

/** A button on a request's page: the step takes no fields. */
const buttonOnRequest = <Result extends UseCaseResult>(useCase: OnRequest<Result>, done: RequestNotice) =>
  stepOnRequest(({ user, meta }, reference) => useCase(user, reference, meta), done);

/** A form on a request's page (or, with `path`, the lead partners' page of it). */
const formOnRequest = <Result extends UseCaseResult>(
  useCase: FormOnRequest<Result>,
  done: RequestNotice,
  path?: string,
) => stepOnRequest(({ user, fields, meta }, reference) => useCase(user, reference, fields, meta), done, path);

/** The main way to answer (decision 032): the wizard, filled from the request; recording it answers. */
export const startAnswerDraftAction = formAction(
  { access: "signed-in", admission: true },
  ({ user, meta }, reference: string) => startAnswerDraft(user, reference, meta),
  { done: (result) => goTo(`/decisions/drafts/${result.draftId}/${result.startStepId}`) },
);

export const acknowledgeRequestAction = buttonOnRequest(acknowledgeRequest, "acknowledged");
export const confirmRequestReceiptAction = buttonOnRequest(confirmRequestReceipt, "receipt-confirmed");
export const assignRequestAction = formOnRequest(assignRequest, "assigned");
export const answerRequestAction = formOnRequest(answerRequest, "answered");
// Decision 030: the requester takes a refusal to the lead partners; a lead partner decides.
export const disputeRefusalAction = formOnRequest(disputeRefusal, "disputed");
export const decideEscalationAction = formOnRequest(decideEscalation, "decided", "/requests/escalated");
