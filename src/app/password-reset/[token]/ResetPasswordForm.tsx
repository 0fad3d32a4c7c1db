"use client";
import { ErrorSummary } from "@/components/ErrorSummary";
import { SubmitButton } from "@/components/form-controls";
import { useActionForm } from "@/components/use-action-form";
import { NewPasswordFields } from "../NewPasswordFields";
import { resetPasswordAction } from "../actions";

export function ResetPasswordForm({ token }: { token: string }) {
  const { state, formAction, pending, errorFor } = useActionForm(resetPasswordAction);
  return (
    <>
      <ErrorSummary errors={state.errors} />
      <h1 className="govuk-heading-l">Choose a new password</h1>
      <p className="govuk-body">Saving it signs you out everywhere you are signed in.</p>
      <form action={formAction} noValidate>
        <input type="hidden" name="token" value={token} />
        <NewPasswordFields errorFor={errorFor} />
        <SubmitButton pending={pending}>Save the new password</SubmitButton>
      </form>
    </>
  );
}
