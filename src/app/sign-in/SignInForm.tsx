"use client";
import { ErrorSummary } from "@/components/ErrorSummary";
import { EmailInput, SubmitButton } from "@/components/form-controls";
import { TextInput } from "@/components/form-fields";
import { useActionForm } from "@/components/use-action-form";
import { signInAction } from "./actions";
import { SIGN_IN_TITLE } from "./title";

export function SignInForm({ callbackUrl }: { callbackUrl: string | null }) {
  const { state, formAction, pending, field, formKey } = useActionForm(signInAction);
  return (
    <>
      <ErrorSummary errors={state.errors} pageTitle={SIGN_IN_TITLE} />
      <h1 className="govuk-heading-l">Sign in to InfoShare</h1>
      <form action={formAction} noValidate key={formKey}>
        {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
        <EmailInput {...field("email")} />
        <TextInput label="Password" type="password" autoComplete="current-password" {...field("password")} />
        <SubmitButton pending={pending}>Sign in</SubmitButton>
      </form>
    </>
  );
}
