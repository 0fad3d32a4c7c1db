import type { ComponentProps } from "react";
import { TextInput } from "./form-fields";

/** The form's main button, disabled while its action runs so a second press cannot post twice. */
export function SubmitButton({
  pending,
  children,
  tone = "primary",
  id,
}: {
  pending: boolean;
  children: React.ReactNode;
  tone?: "primary" | "secondary" | "warning";
  id?: string;
}) {
  const tones = { primary: "", secondary: "govuk-button-secondary", warning: "govuk-button-warning" };
  return (
    <button type="submit" id={id} className={`govuk-button ${tones[tone]}`} disabled={pending} aria-disabled={pending}>
      {children}
    </button>
  );
}

/** A work email address, as GOV.UK asks for one: no spell check, the browser may offer the saved one. */
export function EmailInput(
  props: Omit<ComponentProps<typeof TextInput>, "type" | "spellCheck" | "label"> & {
    label?: string;
  },
) {
  return <TextInput label="Email address" autoComplete="username" {...props} type="email" spellCheck={false} />;
}
