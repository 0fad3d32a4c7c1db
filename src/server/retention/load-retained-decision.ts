import "server-only";
import type { z } from "zod";
import { type UseCaseResult, fail } from "@/domain/errors";
import type { SignedInUser } from "../auth/current-actor";
import { db } from "@/server/infra/db";
import { fieldErrorsFrom } from "../field-errors";
import { findOwnDecision } from "../decisions/load-decision-for-action";
import type { RequestMeta } from "@/server/infra/request-context";

/**
 * The opening of a retention action: its form input parsed with `schema`, then the organisation's
 * decision it names (with its retention row), or the failure to give: invalid, not found (audited
 * when it exists elsewhere) or already disposed of.
 */
export async function loadRetainedDecision<Input extends { reference: string }>(
  user: SignedInUser,
  schema: z.ZodType<Input>,
  raw: unknown,
  meta: RequestMeta,
) {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return fail.invalid(fieldErrorsFrom(parsed.error));
  const input = parsed.data;
  const found = await findOwnDecision(user, input.reference, "retention.manage", meta, (where) =>
    db().decision.findFirst({ where, include: { retention: true } }),
  );
  if (!found.ok) return found;
  const { decision } = found;
  if (decision.retention?.disposedAt) return fail.conflict("This record has already been disposed of");
  return { ok: true, decision, input } satisfies UseCaseResult<{ decision: typeof decision; input: Input }>;
}
