import "server-only";
import type { z } from "zod";
import { type UseCaseFailure, fail } from "@/domain/errors";
import { type Action, type RecordAction, can } from "@/domain/policy";
import type { SignedInUser } from "../auth/current-actor";
import { recordRefusal } from "../auth/refusal";
import { fieldErrorsFrom } from "../field-errors";
import { type Tx, db } from "@/server/infra/db";
import type { RequestMeta } from "@/server/infra/request-context";
import { normaliseDecisionReference } from "./reference";

export interface DecisionForAction {
  id: string;
  reference: string;
  organisationId: string;
  teamId: string | null;
  authorId: string;
  caseReference: string;
  outcome: "SHARE" | "SHARE_PART" | "NO_SHARE";
}

export type LoadForActionResult = { ok: true; decision: DecisionForAction } | UseCaseFailure;

export const DECISION_NOT_FOUND = "Decision not found";

/**
 * For a decision the user's organisation does not hold: if another organisation holds it, the
 * lookup is a refusal (audited once, reason "other-organisation") though the user is told only
 * "not found", so that its existence is not revealed. A reference nobody holds is not audited.
 */
export async function decisionNotFound(
  user: SignedInUser,
  reference: string,
  attempted: Action,
  meta: RequestMeta,
): Promise<UseCaseFailure> {
  const elsewhere = await db().decision.findUnique({ where: { reference }, select: { organisationId: true } });
  if (elsewhere && elsewhere.organisationId !== user.organisationId) {
    await recordRefusal(user, meta, attempted, { type: "decision", id: reference }, "other-organisation");
  }
  return fail.notFound(DECISION_NOT_FOUND);
}

/**
 * The decision of the user's organisation that a reference (as typed or linked) names, read by
 * `find` (each caller reads what it needs). "Not found" when the reference cannot be one or the
 * organisation holds none; held by another organisation, the lookup is audited (decisionNotFound).
 */
export async function findOwnDecision<Decision>(
  user: SignedInUser,
  rawReference: string,
  attempted: Action,
  meta: RequestMeta,
  find: (where: { reference: string; organisationId: string }) => Promise<Decision | null>,
): Promise<{ ok: true; decision: Decision } | UseCaseFailure> {
  const reference = normaliseDecisionReference(rawReference);
  if (!reference) return fail.notFound(DECISION_NOT_FOUND);
  const decision = await find({ reference, organisationId: user.organisationId });
  return decision ? { ok: true, decision } : decisionNotFound(user, reference, attempted, meta);
}

/**
 * The decision a state-changing action is about, if the policy allows this user that action on
 * it. Another organisation's decision is "not found"; every refusal is audited once.
 */
export async function loadDecisionForAction(
  user: SignedInUser,
  rawReference: string,
  action: RecordAction,
  meta: RequestMeta,
): Promise<LoadForActionResult> {
  const found = await findOwnDecision(user, rawReference, action, meta, (where) =>
    db().decision.findFirst({
      where,
      select: {
        id: true,
        reference: true,
        organisationId: true,
        teamId: true,
        authorId: true,
        caseReference: true,
        outcome: true,
      },
    }),
  );
  if (!found.ok) return found;
  const { decision } = found;
  if (!can(user, action, decision)) {
    await recordRefusal(user, meta, action, { type: "decision", id: decision.reference });
    return fail.forbidden("You cannot do this to this decision");
  }
  return { ok: true, decision };
}

/**
 * A use case of a form posted about one decision, `(user, reference, raw, meta)` (decision 031):
 * the decision as loadDecisionForAction gives it (refusals first, so a refused user learns nothing
 * from validation), then the form's input parsed from `raw` with `schema`; only then `run`, in the
 * one transaction `tx` that holds what it writes and its audit event (every such action writes both).
 */
export function withDecisionInput<Input, Result>(
  action: RecordAction,
  schema: z.ZodType<Input>,
  run: (user: SignedInUser, decision: DecisionForAction, input: Input, meta: RequestMeta, tx: Tx) => Promise<Result>,
): (user: SignedInUser, rawReference: string, raw: unknown, meta: RequestMeta) => Promise<Result | UseCaseFailure> {
  return async (user, rawReference, raw, meta) => {
    const loaded = await loadDecisionForAction(user, rawReference, action, meta);
    if (!loaded.ok) return loaded;
    const parsed = schema.safeParse(raw);
    if (!parsed.success) return fail.invalid(fieldErrorsFrom(parsed.error));
    return db().$transaction((tx) => run(user, loaded.decision, parsed.data, meta, tx));
  };
}
