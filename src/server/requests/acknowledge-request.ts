import "server-only";
import { type RequestStepResult, statusStep } from "./request-step";

export type AcknowledgeRequestResult = RequestStepResult;

/** The contact team says it has the request and is working on it (in its own log only). */
export const acknowledgeRequest = statusStep({
  action: "request.acknowledge",
  step: "acknowledge",
  event: "ACKNOWLEDGED",
  auditedBy: ["responding"],
});
