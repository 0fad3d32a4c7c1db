// The one error type every use case returns and the one form state every form shows (decision 010).
// Pure data, so use cases, the action pipeline and the components agree on the shape.

/** The field key of an error about the form as a whole rather than one of its fields. */
export const FORM_ERROR_KEY = "_form";

/** One problem, in GOV.UK form order: the field it belongs to (or FORM_ERROR_KEY) and what to do. */
export interface FieldError {
  field: string;
  message: string;
  /** The wizard step the field is on, when the form is a summary of several steps (check answers). */
  stepId?: string;
}
export type FieldErrors = FieldError[];

export const USE_CASE_ERROR_KINDS = ["not-found", "forbidden", "invalid", "conflict", "busy"] as const;
export type UseCaseErrorKind = (typeof USE_CASE_ERROR_KINDS)[number];

/** Why a use case did nothing. `errors` always says it in words, at least one of them. */
export interface UseCaseFailure {
  ok: false;
  error: UseCaseErrorKind;
  errors: FieldErrors;
}

/** A use case's answer: its data on success, or one failure. */
export type UseCaseResult<Value extends object = object> = ({ ok: true } & Value) | UseCaseFailure;

function formError(error: UseCaseErrorKind, message: string): UseCaseFailure {
  return { ok: false, error, errors: [{ field: FORM_ERROR_KEY, message }] };
}

export const fail = {
  notFound: (message: string): UseCaseFailure => formError("not-found", message),
  forbidden: (message: string): UseCaseFailure => formError("forbidden", message),
  invalid: (errors: FieldErrors): UseCaseFailure => ({ ok: false, error: "invalid", errors }),
  /** The request was fine but the record's state refuses it (already done, already open). */
  conflict: (message: string, field: string = FORM_ERROR_KEY): UseCaseFailure => ({
    ok: false,
    error: "conflict",
    errors: [{ field, message }],
  }),
  busy: (message: string): UseCaseFailure => formError("busy", message),
};

/** An error as a form shows it: `href` when it links somewhere other than its own field. */
export interface FormError {
  field: string;
  message: string;
  href?: string;
}

/** What every form's server action answers with when it does not redirect. */
export interface FormState {
  errors: FormError[];
  /** What was posted, to refill the form after an error (never a password). */
  values: Record<string, string | string[]> | null;
  /** A success message for actions that stay on the page. */
  notice: string | null;
}

export const INITIAL_FORM_STATE: FormState = { errors: [], values: null, notice: null };
