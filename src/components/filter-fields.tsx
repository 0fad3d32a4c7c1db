import type { ComponentProps, ReactNode } from "react";

/** A filter's label above its control (filter forms are GET forms: no hint or error message). */
function FilterLabel({ name, label }: { name: string; label: ReactNode }) {
  return (
    <label htmlFor={name} className="govuk-label-bold">
      {label}
    </label>
  );
}

/** A filter by choice: the first option ("Any…", empty value) leaves it off; `children` are the other options. */
export function FilterSelect({
  name,
  label,
  value,
  anyLabel,
  children,
}: {
  name: string;
  label: ReactNode;
  value: string | undefined;
  anyLabel: string;
  children: ReactNode;
}) {
  return (
    <>
      <FilterLabel name={name} label={label} />
      <select id={name} name={name} defaultValue={value ?? ""} className="govuk-select">
        <option value="">{anyLabel}</option>
        {children}
      </select>
    </>
  );
}

/** A filter typed in (text, a date). */
export function FilterInput({
  name,
  label,
  className = "govuk-input",
  ...input
}: { name: string; label: ReactNode } & Omit<ComponentProps<"input">, "id" | "name">) {
  return (
    <>
      <FilterLabel name={name} label={label} />
      <input id={name} name={name} className={className} {...input} />
    </>
  );
}
