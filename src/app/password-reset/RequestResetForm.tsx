"use client";
import { useActionState } from "react";
import { ErrorSummary } from "@/components/ErrorSummary";
import { TextInput } from "@/components/form-fields";
import { type FormState, INITIAL_FORM_STATE } from "@/domain/errors";
import { requestPasswordResetAction } from "./actions";

export function RequestResetForm() {
  const [state, formAction, pending] = useActionState<FormState, FormData>(
    requestPasswordResetAction,
    INITIAL_FORM_STATE,
  );
  const email = typeof state.values?.email === "string" ? state.values.email : "";
  return (
    <>
      <ErrorSummary errors={state.errors} />
      <h1 className="govuk-heading-l">Reset your password</h1>
      <p className="govuk-body">
        Enter the email address of your InfoShare account. If there is an account, we will email it a link to choose a
        new password. The link works once, for 1 hour.
      </p>
      <form action={formAction} noValidate>
        <TextInput
          name="email"
          label="Email address"
          type="email"
          autoComplete="username"
          spellCheck={false}
          defaultValue={email}
          error={state.errors.find((e) => e.field === "email")?.message}
          key={`email-${state.errors.length}`}
        />
        <button type="submit" className="govuk-button" disabled={pending} aria-disabled={pending}>
          Send the link
        </button>
      </form>
    </>
  );
}
