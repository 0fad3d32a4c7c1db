"use client";
import { useActionState } from "react";
import { ErrorSummary } from "@/components/ErrorSummary";
import { TextInput } from "@/components/form-fields";
import { type FormState, INITIAL_FORM_STATE } from "@/domain/errors";
import { RecoveryCodesList } from "./RecoveryCodesList";

/**
 * One code field and a button, for a server action (works without JavaScript). When the action
 * answers with recovery codes (enrolment, regeneration) they are shown here, once, instead.
 */
export function CodeForm({
  action,
  label,
  hint,
  submitLabel,
  callbackUrl,
  autoComplete = "one-time-code",
  width = "short",
  doneHref,
}: {
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
  label: string;
  hint?: string;
  submitLabel: string;
  callbackUrl?: string | null;
  autoComplete?: string;
  width?: "short" | "half";
  /** Already done (the app is set up): only a way on, unless this form is showing its codes. */
  doneHref?: string;
}) {
  const [state, formAction, pending] = useActionState(action, INITIAL_FORM_STATE);
  const codes = state.values?.recoveryCodes;
  if (Array.isArray(codes)) {
    const next = typeof state.values?.next === "string" ? state.values.next : "/";
    return <RecoveryCodesList codes={codes} next={next} />;
  }
  if (doneHref) {
    return (
      <a href={`/api/second-factor/continue?next=${encodeURIComponent(doneHref)}`} className="govuk-button">
        Continue
      </a>
    );
  }
  const error = state.errors.find((e) => e.field === "code" || e.field === "_form")?.message;
  return (
    <>
      <ErrorSummary errors={state.errors.map((e) => ({ ...e, field: "code" }))} />
      <form action={formAction} noValidate>
        {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
        <TextInput
          name="code"
          label={label}
          hint={hint}
          error={error}
          autoComplete={autoComplete}
          spellCheck={false}
          width={width}
          key={`code-${state.errors.length}`}
        />
        <button type="submit" className="govuk-button" disabled={pending} aria-disabled={pending}>
          {submitLabel}
        </button>
      </form>
    </>
  );
}

/** A button that makes new recovery codes and shows them here. */
export function RegenerateCodesForm({
  action,
}: {
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
}) {
  const [state, formAction, pending] = useActionState(action, INITIAL_FORM_STATE);
  const codes = state.values?.recoveryCodes;
  if (Array.isArray(codes)) return <RecoveryCodesList codes={codes} next="/second-factor/manage" />;
  return (
    <form action={formAction}>
      {state.errors.map((e) => (
        <p key={e.field} className="govuk-error-message">
          {e.message}
        </p>
      ))}
      <button type="submit" className="govuk-button govuk-button-secondary" disabled={pending}>
        Make new recovery codes
      </button>
    </form>
  );
}
