import type { ComponentProps, ReactNode } from "react";
import { ActionForm } from "./ActionForm";

/**
 * A record page's section that offers one action: its heading, a paragraph on what the action does,
 * anything else to say first (`children`, e.g. a warning) and the action's form.
 */
export function ActionSection({
  title,
  intro,
  children,
  fields = [],
  ...form
}: Omit<ComponentProps<typeof ActionForm>, "fields"> & {
  title: string;
  intro?: ReactNode;
  children?: ReactNode;
  fields?: ComponentProps<typeof ActionForm>["fields"];
}) {
  return (
    <>
      <h2 className="govuk-heading-m">{title}</h2>
      {intro ? <p className="govuk-body">{intro}</p> : null}
      {children}
      <ActionForm fields={fields} {...form} />
    </>
  );
}
