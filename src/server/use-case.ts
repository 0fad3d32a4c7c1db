import "server-only";
import type { z } from "zod";
import { type UseCaseFailure, fail } from "@/domain/errors";
import type { SignedInUser } from "@/server/auth/current-actor";
import { fieldErrorsFrom } from "@/server/field-errors";
import type { RequestMeta } from "@/server/infra/request-context";

// The one opening of a use case that takes posted fields (decision 031). The fields are parsed with
// the use case's zod schema here, once, and an invalid post is answered with its field errors; the
// use case itself starts from typed input and keeps the rest of its job (load, authorise with can(),
// validate with the domain, one transaction with its audit event, one typed error).

/**
 * A use case of posted fields with other arguments after them: `(raw, ...context)`, e.g. `(raw,
 * meta)` for someone not signed in (accepting an invitation, signing in). `run` gets the parsed input.
 */
export function withInput<Schema extends z.ZodType, Context extends unknown[], Result>(
  schema: Schema,
  run: (input: z.output<Schema>, ...context: Context) => Promise<Result>,
): (raw: unknown, ...context: Context) => Promise<Result | UseCaseFailure> {
  return async (raw, ...context) => {
    const parsed = schema.safeParse(raw);
    if (!parsed.success) return fail.invalid(fieldErrorsFrom(parsed.error));
    return run(parsed.data, ...context);
  };
}

/**
 * A signed-in user's use case of posted fields, `(actor, raw, meta)`, the shape most of them have.
 * `run` gets the actor, the parsed input and the request, in that order.
 */
export function withUserInput<Schema extends z.ZodType, Result>(
  schema: Schema,
  run: (actor: SignedInUser, input: z.output<Schema>, meta: RequestMeta) => Promise<Result>,
): (actor: SignedInUser, raw: unknown, meta: RequestMeta) => Promise<Result | UseCaseFailure> {
  const parsedRun = withInput(schema, (input: z.output<Schema>, actor: SignedInUser, meta: RequestMeta) =>
    run(actor, input, meta),
  );
  return (actor, raw, meta) => parsedRun(raw, actor, meta);
}
