import "server-only";
import { type RequestStepResult, statusStep } from "./request-step";

export type ConfirmRequestReceiptResult = RequestStepResult;

/** The requester confirms the answer reached them: the partner's record of the exchange is complete. */
export const confirmRequestReceipt = statusStep({
  action: "request.confirm-receipt",
  step: "confirm-receipt",
  event: "RECEIPT_CONFIRMED",
  auditedBy: ["requesting", "responding"],
});
