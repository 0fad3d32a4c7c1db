import Link from "next/link";
import { dayParts } from "@/domain/calendar";
import type { ComponentProps, ReactNode } from "react";

export interface FilterOption {
  value: string;
  label: ReactNode;
}

/** A label table as options, in its own order. */
export function optionsOf(labels: Readonly<Record<string, ReactNode>>): FilterOption[] {
  return Object.entries(labels).map(([value, label]) => ({ value, label }));
}

/** The filters a list is showing, as a query string (the cursor `after` left out: it is the page's, not a filter). */
export function filterQueryOf(filter: Readonly<Record<string, unknown>>): URLSearchParams {
  return new URLSearchParams(
    Object.entries(filter).filter(
      (entry): entry is [string, string] => typeof entry[1] === "string" && entry[0] !== "after",
    ),
  );
}

/** The address of the next page of a filtered list, or null on the last page. */
export function nextPageHref(path: string, filterQuery: URLSearchParams, cursor: string | null): string | null {
  return cursor ? `${path}?${new URLSearchParams([...filterQuery, ["after", cursor]]).toString()}` : null;
}

/** A filter's label above its control (filter forms are GET forms: no hint or error message). */
function FilterLabel({ name, label }: { name: string; label: ReactNode }) {
  return (
    <label htmlFor={name} className="govuk-label-bold">
      {label}
    </label>
  );
}

/**
 * A filter by choice: the first option ("Any…", empty value) leaves it off; then `options`, then any
 * other options given as `children`.
 */
export function FilterSelect({
  name,
  label,
  value,
  anyLabel,
  options = [],
  children,
}: {
  name: string;
  label: ReactNode;
  value: string | undefined;
  anyLabel: string;
  options?: readonly FilterOption[];
  children?: ReactNode;
}) {
  return (
    <>
      <FilterLabel name={name} label={label} />
      <select id={name} name={name} defaultValue={value ?? ""} className="govuk-select">
        <option value="">{anyLabel}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
        {children}
      </select>
    </>
  );
}

/** A FilterSelect as data, for a FilterPanel. */
export type FilterChoice = Omit<Parameters<typeof FilterSelect>[0], "children">;

/**
 * A list of decisions' filters, folded away until used (open while any applies or one was refused):
 * a GET form, so it works without JavaScript. Its choices, then when the decisions were recorded
 * (`from`, `to`), both shown as the list's use case applied them (`list.filter`, `list.filterError`).
 */
export function FilterPanel({
  summary,
  path,
  list,
  choices,
}: {
  summary: string;
  path: string;
  list: { filter: Readonly<Record<string, unknown>> & { from?: string; to?: string }; filterError: string | null };
  choices: readonly FilterChoice[];
}) {
  const { filter: recorded, filterError: error } = list;
  const filtered = filterQueryOf(recorded).size > 0;
  return (
    <details className="mb-8" open={filtered || Boolean(error)}>
      <summary className="cursor-pointer text-govuk-link underline">{summary}</summary>
      <form method="get" action={path} className="mt-4 grid grid-cols-1 gap-4 bg-govuk-light-grey p-4 sm:grid-cols-2">
        {error ? (
          <p className="govuk-error-message sm:col-span-2" data-testid="filter-error">
            {error}
          </p>
        ) : null}
        {choices.map((choice) => (
          <div key={choice.name}>
            <FilterSelect {...choice} />
          </div>
        ))}
        <FilterDate name="from" label="Recorded from" value={recorded.from} />
        <FilterDate name="to" label="Recorded up to" value={recorded.to} />
        <FilterActions clearHref={path} className="flex items-center gap-6 sm:col-span-2" />
      </form>
    </details>
  );
}

/** A filter form's button, and the link that clears the filters (only while some apply, when `filtered` is given). */
export function FilterActions({
  submitLabel = "Apply filters",
  clearHref,
  filtered = true,
  className,
  clearClassName,
}: {
  submitLabel?: string;
  clearHref: string;
  filtered?: boolean;
  className: string;
  clearClassName?: string;
}) {
  return (
    <div className={className}>
      <button type="submit" className="govuk-button govuk-button-secondary mb-0!">
        {submitLabel}
      </button>
      {filtered ? (
        <Link href={clearHref} className={clearClassName}>
          Clear filters
        </Link>
      ) : null}
    </div>
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
