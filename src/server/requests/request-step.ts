import "server-only";
import type { z } from "zod";
import { type UseCaseFailure, type UseCaseResult, fail } from "@/domain/errors";
import type { RequestAction } from "@/domain/policy";
import { STEP_REFUSALS, type RequestStep, statusAfter } from "@/domain/requests";
import type { SignedInUser } from "../auth/current-actor";
import { fieldErrorsFrom } from "../field-errors";
import { db } from "@/server/infra/db";
import type { RequestMeta } from "@/server/infra/request-context";
import { loadEscalatedRequest } from "./load-escalated-request";
import { type LoadRequestResult, type RequestForAction, loadRequestForAction } from "./load-request-for-action";
import { auditRequestStep, recordRequestEvent } from "./request-audit";

/** The request an action is about, through the loader for its kind (a party's, or a lead partner's). */
export function loadRequestFor(
  user: SignedInUser,
  rawReference: string,
  action: RequestAction,
  meta: RequestMeta,
): Promise<LoadRequestResult> {
  return action === "request.view-escalated" || action === "request.decide-escalation"
    ? loadEscalatedRequest(user, rawReference, action, meta)
    : loadRequestForAction(user, rawReference, action, meta);
}

/**
 * A use case about one request, `(user, reference, meta, ...extra)`: the request loaded and the
 * policy asked first (each refusal audited, as loadRequestFor does); only then `run`.
 */
export function withRequest<Extra extends unknown[], Result>(
  action: RequestAction,
  run: (user: SignedInUser, request: RequestForAction, meta: RequestMeta, ...extra: Extra) => Promise<Result>,
): (user: SignedInUser, rawReference: string, meta: RequestMeta, ...extra: Extra) => Promise<Result | UseCaseFailure> {
  return async (user, rawReference, meta, ...extra) => {
    const loaded = await loadRequestFor(user, rawReference, action, meta);
    if (!loaded.ok) return loaded;
    return run(user, loaded.request, meta, ...extra);
  };
}

/**
 * A use case of a form posted about one request, `(user, reference, raw, meta, ...extra)` (decision
 * 031, as withDecisionInput for decisions): the request loaded and the policy asked first (so a
 * refused user learns nothing from validation), then the form parsed with `schema`; only then `run`.
 */
export function withRequestInput<Schema extends z.ZodType, Extra extends unknown[], Result>(
  action: RequestAction,
  schema: Schema,
  run: (
    user: SignedInUser,
    request: RequestForAction,
    input: z.output<Schema>,
    meta: RequestMeta,
    ...extra: Extra
  ) => Promise<Result>,
): (
  user: SignedInUser,
  rawReference: string,
  raw: unknown,
  meta: RequestMeta,
  ...extra: Extra
) => Promise<Result | UseCaseFailure> {
  return async (user, rawReference, raw, meta, ...extra) => {
    const loaded = await loadRequestFor(user, rawReference, action, meta);
    if (!loaded.ok) return loaded;
    const parsed = schema.safeParse(raw);
    if (!parsed.success) return fail.invalid(fieldErrorsFrom(parsed.error));
    return run(user, loaded.request, parsed.data, meta, ...extra);
  };
}

export type RequestStepResult = UseCaseResult<{ reference: string }>;

/** What a step that only moves the request on changes: its status, history and audit logs. */
interface StatusStep {
  action: RequestAction;
  step: Extract<RequestStep, "acknowledge" | "confirm-receipt">;
  /** The entry in the request's own history. */
  event: string;
  /** Whose audit logs record it. */
  auditedBy: readonly ("requesting" | "responding")[];
}

/**
 * A use case `(user, reference, meta)` for a step that only moves the request on (acknowledging it,
 * confirming the answer arrived): allowed from the status read, written in one transaction with the
 * request's history and audit events.
 */
export function statusStep(
  step: StatusStep,
): (user: SignedInUser, reference: string, meta: RequestMeta) => Promise<RequestStepResult> {
  return withRequest(step.action, async (user, request, meta) => {
    const next = statusAfter(step.step, request.status);
    if (!next) return fail.conflict(STEP_REFUSALS[step.step]);
    return db().$transaction(async (tx): Promise<RequestStepResult> => {
      // Conditional on the status read: of two racing steps, one wins and one is told.
      const { count } = await tx.informationRequest.updateMany({
        where: { id: request.id, status: request.status },
        data: { status: next },
      });
      if (count === 0) return fail.conflict(STEP_REFUSALS[step.step]);
      await recordRequestEvent(tx, user, request.id, step.event);
      await auditRequestStep(tx, user, meta, request, step.action, step.auditedBy);
      return { ok: true, reference: request.reference };
    });
  });
}
