"use client";
import { ErrorSummary } from "@/components/ErrorSummary";
import { EmailInput, SubmitButton } from "@/components/form-controls";
import { ChoiceGroup, TextInput } from "@/components/form-fields";
import { useActionForm } from "@/components/use-action-form";
import { NewPasswordFields } from "../../password-reset/NewPasswordFields";
import { completeSetupAction } from "../actions";

export function SetupForm({ token, kinds }: { token: string; kinds: { value: string; label: string }[] }) {
  const { state, formAction, pending, errorFor, field, formKey } = useActionForm(completeSetupAction);
  return (
    <>
      <ErrorSummary errors={state.errors} />
      <h1 className="govuk-heading-l">Set up InfoShare</h1>
      <p className="govuk-body">
        Create your organisation and its first administrator. The administrator then invites everyone else.
      </p>
      <form action={formAction} noValidate key={formKey}>
        <input type="hidden" name="token" value={token} />
        <h2 className="govuk-heading-m">Your organisation</h2>
        <TextInput label="Organisation name" autoComplete="organization" {...field("organisationName")} />
        <ChoiceGroup
          type="radio"
          label="What kind of organisation is it?"
          hint="It decides which lawful bases InfoShare offers: public authorities share under their public tasks."
          options={kinds}
          {...field("kind")}
        />
        <h2 className="govuk-heading-m">The first administrator</h2>
        <TextInput label="Full name" autoComplete="name" {...field("name")} />
        <EmailInput autoComplete="email" {...field("email")} />
        <NewPasswordFields errorFor={errorFor} />
        <SubmitButton pending={pending}>Create organisation and administrator</SubmitButton>
      </form>
    </>
  );
}
