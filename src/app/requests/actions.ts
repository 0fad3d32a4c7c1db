"use server";
import { sendRequest } from "@/server/requests/send-request";
import { acknowledgeRequest } from "@/server/requests/acknowledge-request";
import { assignRequest } from "@/server/requests/assign-request";
import { answerRequest } from "@/server/requests/answer-request";
import { startAnswerDraft } from "@/server/requests/start-answer-draft";
import { confirmRequestReceipt } from "@/server/requests/confirm-request-receipt";
import { decideEscalation } from "@/server/requests/decide-escalation";
import { disputeRefusal } from "@/server/requests/dispute-refusal";
import { formAction, goTo } from "@/server/pipeline/action";

// Sending needs the global permission; the steps on one request are record-scoped: the pipeline
// checks only that someone is signed in, and the use case asks the request policy and audits a refusal.

export const sendRequestAction = formAction(
  { access: "request.send" },
  ({ user, fields, meta }) => sendRequest(user, fields, meta),
  { done: ({ reference }) => goTo(`/requests/${reference}?done=sent`) },
);

const page = (reference: string, done: string) => goTo(`/requests/${encodeURIComponent(reference)}?done=${done}`);

export const acknowledgeRequestAction = formAction(
  { access: "signed-in" },
  ({ user, meta }, reference: string) => acknowledgeRequest(user, reference, meta),
  { done: (_result, _context, reference) => page(reference, "acknowledged") },
);

export const assignRequestAction = formAction(
  { access: "signed-in" },
  ({ user, fields, meta }, reference: string) => assignRequest(user, reference, fields, meta),
  { done: (_result, _context, reference) => page(reference, "assigned") },
);

/** The main way to answer (decision 032): the wizard, filled from the request; recording it answers. */
export const startAnswerDraftAction = formAction(
  { access: "signed-in", admission: true },
  ({ user, meta }, reference: string) => startAnswerDraft(user, reference, meta),
  { done: (result) => goTo(`/decisions/drafts/${result.draftId}/${result.startStepId}`) },
);

export const answerRequestAction = formAction(
  { access: "signed-in" },
  ({ user, fields, meta }, reference: string) => answerRequest(user, reference, fields, meta),
  { done: (_result, _context, reference) => page(reference, "answered") },
);

export const confirmRequestReceiptAction = formAction(
  { access: "signed-in" },
  ({ user, meta }, reference: string) => confirmRequestReceipt(user, reference, meta),
  { done: (_result, _context, reference) => page(reference, "receipt-confirmed") },
);

// Decision 030: the requester takes a refusal to the lead partners; a lead partner decides.
export const disputeRefusalAction = formAction(
  { access: "signed-in" },
  ({ user, fields, meta }, reference: string) => disputeRefusal(user, reference, fields, meta),
  { done: (_result, _context, reference) => page(reference, "disputed") },
);

export const decideEscalationAction = formAction(
  { access: "signed-in" },
  ({ user, fields, meta }, reference: string) => decideEscalation(user, reference, fields, meta),
  { done: (_result, _context, reference) => goTo(`/requests/escalated/${encodeURIComponent(reference)}?done=decided`) },
);
