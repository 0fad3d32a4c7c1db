"use client";
import { useActionState } from "react";
import { ErrorSummary } from "@/components/ErrorSummary";
import { type FormState, INITIAL_FORM_STATE } from "@/domain/errors";
import { NewPasswordFields } from "../NewPasswordFields";
import { resetPasswordAction } from "../actions";

export function ResetPasswordForm({ token }: { token: string }) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(resetPasswordAction, INITIAL_FORM_STATE);
  const errorFor = (field: string) => state.errors.find((e) => e.field === field)?.message;
  return (
    <>
      <ErrorSummary errors={state.errors} />
      <h1 className="govuk-heading-l">Choose a new password</h1>
      <p className="govuk-body">Saving it signs you out everywhere you are signed in.</p>
      <form action={formAction} noValidate>
        <input type="hidden" name="token" value={token} />
        <NewPasswordFields errorFor={errorFor} />
        <button type="submit" className="govuk-button" disabled={pending} aria-disabled={pending}>
          Save the new password
        </button>
      </form>
    </>
  );
}
