"use client";
import { useEffect } from "react";
import { ErrorSummary } from "@/components/ErrorSummary";
import { EmailInput, SubmitButton } from "@/components/form-controls";
import { useActionForm } from "@/components/use-action-form";
import { startSsoSignInAction } from "./actions";

export function SsoSignInForm({ callbackUrl, problem }: { callbackUrl: string | null; problem: string | null }) {
  const { state, formAction, pending, field, posted, formKey } = useActionForm(startSsoSignInAction);
  // A problem the callback sent back here (?problem=) shows until the form is posted again.
  const errors = state.errors.length > 0 || !problem ? state.errors : [{ field: "email", message: problem }];
  const continueTo = posted("continueTo");
  useEffect(() => {
    if (continueTo) window.location.assign(continueTo);
  }, [continueTo]);
  if (continueTo) {
    return (
      <>
        <h1 className="govuk-heading-l">Continue to your organisation’s sign-in page</h1>
        <p className="govuk-body">
          <a href={continueTo} className="govuk-button">
            Continue
          </a>
        </p>
      </>
    );
  }
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1 className="govuk-heading-l">Sign in with your organisation’s account</h1>
      <p className="govuk-body">
        Enter your work email address. If your organisation has set up single sign-on, you will go to its sign-in page.
      </p>
      <form action={formAction} noValidate key={formKey}>
        {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
        <EmailInput {...field("email")} error={errors.find((e) => e.field === "email")?.message} />
        <SubmitButton pending={pending}>Continue</SubmitButton>
      </form>
    </>
  );
}
