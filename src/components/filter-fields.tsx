import { dayParts } from "@/domain/calendar";
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

/**
 * A filter by date: GOV.UK's date input (day, month and year boxes, `<name>-day` and so on), not the
 * browser's picker, which shows the date in the American order. The page joins the boxes into
 * `<name>` (joinDateParts in the UK calendar) before the search reads it.
 */
export function FilterDate({ name, label, value }: { name: string; label: string; value: string | undefined }) {
  const shown = dayParts(value);
  const boxes = [
    { part: "day", label: "Day", width: "w-[5ch]", maxLength: 2 },
    { part: "month", label: "Month", width: "w-[5ch]", maxLength: 2 },
    { part: "year", label: "Year", width: "w-[7ch]", maxLength: 4 },
  ] as const;
  return (
    <fieldset className="min-w-0 border-0 p-0" role="group" aria-describedby={`${name}-hint`}>
      <legend className="govuk-label-bold">{label}</legend>
      <span id={`${name}-hint`} className="govuk-hint mb-2!">
        For example, 27 3 2026
      </span>
      <div className="flex flex-wrap gap-4">
        {boxes.map(({ part, label: boxLabel, width, maxLength }) => (
          <div key={part}>
            <label htmlFor={`${name}-${part}`} className="govuk-label">
              {boxLabel}
            </label>
            <input
              id={`${name}-${part}`}
              name={`${name}-${part}`}
              type="text"
              inputMode="numeric"
              maxLength={maxLength}
              defaultValue={shown[part]}
              className={`govuk-input ${width}`}
            />
          </div>
        ))}
      </div>
    </fieldset>
  );
}
