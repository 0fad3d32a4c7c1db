"use client";
import { ErrorSummary } from "@/components/ErrorSummary";
import { EmailInput, SubmitButton } from "@/components/form-controls";
import { useActionForm } from "@/components/use-action-form";
import { requestPasswordResetAction } from "./actions";

export function RequestResetForm() {
  const { state, formAction, pending, field, formKey } = useActionForm(requestPasswordResetAction);
  return (
    <>
      <ErrorSummary errors={state.errors} />
      <h1 className="govuk-heading-l">Reset your password</h1>
      <p className="govuk-body">
        Enter the email address of your InfoShare account. If there is an account, we will email it a link to choose a
        new password. The link works once, for 1 hour.
      </p>
      <form action={formAction} noValidate key={formKey}>
        <EmailInput {...field("email")} />
        <SubmitButton pending={pending}>Send the link</SubmitButton>
      </form>
    </>
  );
}
