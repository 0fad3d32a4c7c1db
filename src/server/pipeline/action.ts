import "server-only";
import { forbidden, notFound, redirect } from "next/navigation";
import { type FieldError, type FormState, type UseCaseFailure, type UseCaseResult, fail } from "@/domain/errors";
import { type GlobalAction, can } from "@/domain/policy";
import { type SignedInUser, currentSession, pathToSignInAgain } from "@/server/auth/current-actor";
import { recordRefusal } from "@/server/auth/refusal";
import { ServiceBusyError, submissions } from "@/server/infra/admission";
import { type RequestMeta, requestMeta } from "@/server/infra/request-context";
import { brand } from "./brand";
import { formFields } from "./form-fields";

/**
 * Who may run an action: anyone ("public": signing in), any signed-in user ("signed-in": the
 * record-scoped check is then the use case's), a role the policy grants a global action, or a
 * session whose password was checked, second factor given or not ("password-verified": the
 * second-factor steps of signing in, decision 021).
 */
export type Access = GlobalAction | "signed-in" | "password-verified" | "public";

export interface ActionContext<A extends Access> {
  /** The signed-in user; null only for public actions. */
  user: A extends "public" ? SignedInUser | null : SignedInUser;
  meta: RequestMeta;
  /** The posted form as plain fields (control characters and React's own fields removed). */
  fields: Record<string, string | string[]>;
  formData: FormData;
}

export interface ActionOptions<A extends Access> {
  access: A;
  /** Runs the use case through submissions() (src/server/infra/admission.ts): the wizard's writes. */
  admission?: boolean;
}

/** Calls exactly one use case. Its input is validated there, with the use case's own schema. */
export type RunUseCase<A extends Access, Bound extends unknown[], Result extends UseCaseResult> = (
  context: ActionContext<A>,
  ...bound: Bound
) => Promise<Result>;

export interface ActionOutcome<A extends Access, Bound extends unknown[], Result extends UseCaseResult> {
  /** On success: usually a redirect; otherwise the state to show (e.g. a notice). */
  done: (
    value: Extract<Result, { ok: true }>,
    context: ActionContext<A>,
    ...bound: Bound
  ) => FormState | Promise<FormState>;
  /** Which posted values go back into the form after an error (default: all of them). */
  refill?: (fields: Record<string, string | string[]>) => FormState["values"];
  /** Where an error's summary link goes, when not to its own field (check answers links to steps). */
  errorHref?: (error: FieldError, ...bound: Bound) => string | undefined;
}

/** One action's definition. Three arguments, not one object, so TypeScript infers the use case's result for `done`. */
interface ActionSpec<A extends Access, Bound extends unknown[], Result extends UseCaseResult>
  extends ActionOptions<A>, ActionOutcome<A, Bound, Result> {
  run: RunUseCase<A, Bound, Result>;
}

const BUSY_MESSAGE = "The service is busy. Wait a moment and try again.";

async function authorised<A extends Access>(access: A, meta: RequestMeta): Promise<SignedInUser | null> {
  const session = await currentSession();
  if (session.status === "second-factor-pending" && access === "password-verified") return session.user;
  if (session.status !== "signed-in") {
    if (access === "public") return null;
    // Signed out: sign in. Revoked: the route handler that may clear the cookie. Pending: the second factor.
    redirect(pathToSignInAgain(session));
  }
  const { user } = session;
  if (access !== "public" && access !== "signed-in" && access !== "password-verified" && !can(user, access)) {
    await recordRefusal(user, meta, access);
    forbidden();
  }
  return user;
}

/**
 * The whole pipeline but for how the result reaches the browser: authenticate, authorise against
 * the policy (auditing a refusal), admission control, one use case, and the failure's mapping:
 * not-found and forbidden to Next's pages, the rest to form state. Throws Next's navigation
 * errors (redirect, notFound, forbidden), as the framework expects.
 */
async function runPipeline<A extends Access, Bound extends unknown[], Result extends UseCaseResult>(
  spec: ActionSpec<A, Bound, Result>,
  bound: Bound,
  formData: FormData,
): Promise<FormState | UseCaseFailure> {
  const meta = await requestMeta();
  const user = await authorised(spec.access, meta);
  const context = { user, meta, fields: formFields(formData), formData } as ActionContext<A>;
  const work = () => spec.run(context, ...bound);
  let result: Result | UseCaseFailure;
  try {
    result = spec.admission ? await submissions().run(work) : await work();
  } catch (error) {
    if (!(error instanceof ServiceBusyError)) throw error;
    result = fail.busy(BUSY_MESSAGE);
  }
  if (result.ok) return spec.done(result as Extract<Result, { ok: true }>, context, ...bound);
  if (result.error === "not-found") notFound();
  if (result.error === "forbidden") forbidden();
  return result;
}

function formStateFrom<Bound extends unknown[]>(
  failure: UseCaseFailure,
  fields: Record<string, string | string[]>,
  spec: Pick<ActionSpec<Access, Bound, UseCaseResult>, "refill" | "errorHref">,
  bound: Bound,
): FormState {
  return {
    errors: failure.errors.map(({ field, message, ...rest }) => {
      const href = spec.errorHref?.({ field, message, ...rest }, ...bound);
      return href ? { field, message, href } : { field, message };
    }),
    values: spec.refill ? spec.refill(fields) : fields,
    notice: null,
  };
}

function isFailure(outcome: FormState | UseCaseFailure): outcome is UseCaseFailure {
  return "ok" in outcome && outcome.ok === false;
}

/**
 * A server action for a form with `useActionState`: `(…bound, previousState, formData)`. Works
 * without JavaScript: the state comes back with the page.
 */
export function formAction<A extends Access, Bound extends unknown[], Result extends UseCaseResult>(
  options: ActionOptions<A>,
  run: RunUseCase<A, Bound, Result>,
  outcome: ActionOutcome<A, Bound, Result>,
): (...args: [...Bound, FormState, FormData]) => Promise<FormState> {
  const spec: ActionSpec<A, Bound, Result> = { ...options, ...outcome, run };
  const action = async (...args: [...Bound, FormState, FormData]): Promise<FormState> => {
    const formData = args[args.length - 1] as FormData;
    const bound = args.slice(0, -2) as unknown as Bound;
    const outcome = await runPipeline(spec, bound, formData);
    return isFailure(outcome) ? formStateFrom(outcome, formFields(formData), spec, bound) : outcome;
  };
  return brand(action, "form-action");
}

/**
 * A server action for a plain form post with no state to show (a button): `(…bound, formData)`.
 * A failure it cannot show is "not found" (only a tampered form posts invalid values to a button)
 * or, when the service is busy, the error page.
 */
export function postAction<A extends Access, Bound extends unknown[], Result extends UseCaseResult>(
  options: ActionOptions<A>,
  run: RunUseCase<A, Bound, Result>,
  outcome: ActionOutcome<A, Bound, Result>,
): (...args: [...Bound, FormData]) => Promise<void> {
  const spec: ActionSpec<A, Bound, Result> = { ...options, ...outcome, run };
  const action = async (...args: [...Bound, FormData]): Promise<void> => {
    const last = args[args.length - 1];
    const formData = last instanceof FormData ? last : new FormData();
    const bound = (last instanceof FormData ? args.slice(0, -1) : args) as unknown as Bound;
    const outcome = await runPipeline(spec, bound, formData);
    if (isFailure(outcome)) {
      if (outcome.error === "busy") throw new ServiceBusyError();
      notFound();
    }
  };
  return brand(action, "post-action");
}

/** For `done`: go there (a redirect never returns). */
export function goTo(path: string): never {
  redirect(path);
}
