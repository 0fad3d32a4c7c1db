"use client";
import { ErrorSummary } from "@/components/ErrorSummary";
import { SubmitButton } from "@/components/form-controls";
import { ChoiceGroup, Textarea, TextInput } from "@/components/form-fields";
import { SuccessBanner } from "@/components/layout-bits";
import { useActionForm } from "@/components/use-action-form";
import { saveSsoConfigurationAction, testSsoConnectionAction } from "./actions";

export interface SsoFormValues {
  issuer: string;
  clientId: string;
  clientSecretSet: boolean;
  domains: string;
  allowJoinByDomain: boolean;
  joinRole: string;
  enforced: boolean;
  breakGlassEmail: string;
}

/** The settings that are on or off: each is one checkbox, posted as "yes" when ticked. */
const ON_OFF_SETTINGS = {
  allowJoinByDomain: {
    legend: "Joining by domain",
    label: "Let people with these email domains join without an invitation",
    hint: "Otherwise only people who have an account or an invitation can sign in.",
  },
  enforced: {
    legend: "Passwords",
    label: "Require single sign-on for everyone in your organisation",
    hint: "Passwords are refused, except for the break-glass admin below.",
  },
} as const;
type OnOffSetting = keyof typeof ON_OFF_SETTINGS;

export function SsoConfigurationForm({ current, redirectUri }: { current: SsoFormValues; redirectUri: string | null }) {
  const { state, formAction, pending, errorFor, posted, field, formKey } = useActionForm(saveSsoConfigurationAction);
  // After an error, the form shows what was posted (an unticked checkbox posts nothing).
  const ticked = (name: OnOffSetting) => (state.values ? posted(name) === "yes" : current[name]);
  const yesCheckbox = (name: OnOffSetting) => {
    const { legend, ...option } = ON_OFF_SETTINGS[name];
    return (
      <ChoiceGroup
        name={name}
        label={legend}
        type="checkbox"
        error={errorFor(name)}
        defaultValue={ticked(name) ? "yes" : undefined}
        options={[{ value: "yes", ...option }]}
      />
    );
  };
  return (
    <>
      <ErrorSummary errors={state.errors} />
      <form action={formAction} noValidate key={formKey}>
        <TextInput
          label="Issuer URL"
          hint={
            "From your identity provider, for example " +
            "https://login.microsoftonline.com/<tenant ID>/v2.0 or https://accounts.google.com"
          }
          {...field("issuer", current.issuer)}
          spellCheck={false}
        />
        <TextInput label="Client ID" {...field("clientId", current.clientId)} spellCheck={false} />
        <TextInput
          name="clientSecret"
          label="Client secret"
          type="password"
          autoComplete="off"
          hint={
            current.clientSecretSet
              ? "A client secret is set. Leave this empty to keep it, or enter a new one to replace it."
              : "It is stored encrypted and never shown again."
          }
          error={errorFor("clientSecret")}
        />
        {redirectUri ? (
          <p className="govuk-body">
            Register this redirect URI with your identity provider: <code className="break-all">{redirectUri}</code>
          </p>
        ) : null}
        <Textarea
          label="Email domains"
          hint="People whose email address ends in one of these sign in through your identity provider. One per line."
          {...field("domains", current.domains)}
          rows={3}
        />
        {yesCheckbox("allowJoinByDomain")}
        <ChoiceGroup
          label="Role for people who join by domain"
          type="radio"
          {...field("joinRole", current.joinRole)}
          options={[
            { value: "PRACTITIONER", label: "Practitioner" },
            { value: "SUPERVISOR", label: "Supervisor or designated safeguarding lead" },
          ]}
        />
        {yesCheckbox("enforced")}
        <TextInput
          label="Break-glass admin (optional unless single sign-on is required)"
          hint="An admin in your organisation who may still sign in with a password if the identity provider fails."
          type="email"
          {...field("breakGlassEmail", current.breakGlassEmail)}
          spellCheck={false}
        />
        <SubmitButton pending={pending}>Save single sign-on settings</SubmitButton>
      </form>
    </>
  );
}

export function TestConnectionForm() {
  const { state, formAction, pending } = useActionForm(testSsoConnectionAction);
  return (
    <>
      <SuccessBanner message={state.notice} />
      <ErrorSummary errors={state.errors} />
      <form action={formAction}>
        <SubmitButton pending={pending} tone="secondary">
          Test connection
        </SubmitButton>
      </form>
    </>
  );
}
