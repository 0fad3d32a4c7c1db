import type { ReactNode } from "react";
import { CharacterCountTextarea } from "./CharacterCount";

// GOV.UK form controls. Each links its hint and error to the control with aria-describedby,
// and marks its group with the red error border.

interface FieldBase {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  /** Render the label as the page heading (GOV.UK question page with one question). */
  asHeading?: boolean;
}

function describedBy(name: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(" ") : undefined;
}

function ErrorMessage({ name, error }: { name: string; error?: string }) {
  if (!error) return null;
  return (
    <p id={`${name}-error`} className="govuk-error-message">
      <span className="sr-only">Error:</span> {error}
    </p>
  );
}

function Hint({ name, hint }: { name: string; hint?: ReactNode }) {
  if (!hint) return null;
  return (
    <div id={`${name}-hint`} className="govuk-hint">
      {hint}
    </div>
  );
}

function FormGroup({ error, children }: { error?: string; children: ReactNode }) {
  return <div className={`govuk-form-group ${error ? "govuk-form-group-error" : ""}`}>{children}</div>;
}

function Label({ htmlFor, label, asHeading }: { htmlFor: string; label: ReactNode; asHeading?: boolean }) {
  if (asHeading)
    return (
      <h1 className="govuk-heading-l mb-3!">
        <label htmlFor={htmlFor}>{label}</label>
      </h1>
    );
  return (
    <label htmlFor={htmlFor} className="govuk-label-bold">
      {label}
    </label>
  );
}

/** A single field's group: label, hint and error message above the control. */
function LabelledField({ name, label, hint, error, asHeading, children }: FieldBase & { children: ReactNode }) {
  return (
    <FormGroup error={error}>
      <Label htmlFor={name} label={label} asHeading={asHeading} />
      <Hint name={name} hint={hint} />
      <ErrorMessage name={name} error={error} />
      {children}
    </FormGroup>
  );
}

/** The control's name and its links to the hint and error above it. */
function controlAttributes({ name, hint, error }: FieldBase) {
  return {
    id: name,
    name,
    "aria-describedby": describedBy(name, hint, error),
    "aria-invalid": error ? true : undefined,
  };
}

export function TextInput({
  defaultValue,
  type = "text",
  autoComplete,
  width = "full",
  maxLength,
  spellCheck,
  ...field
}: FieldBase & {
  defaultValue?: string;
  type?: "text" | "email" | "password" | "date" | "search";
  autoComplete?: string;
  width?: "full" | "half" | "short";
  maxLength?: number;
  spellCheck?: boolean;
}) {
  const widths = { full: "", half: "sm:w-1/2", short: "max-w-[11ch]" };
  return (
    <LabelledField {...field}>
      <input
        {...controlAttributes(field)}
        type={type}
        defaultValue={defaultValue}
        autoComplete={autoComplete}
        maxLength={maxLength}
        spellCheck={spellCheck}
        className={`govuk-input ${widths[width]} ${field.error ? "govuk-input-error" : ""}`}
      />
    </LabelledField>
  );
}

export function Textarea({
  defaultValue,
  rows = 5,
  maxLength,
  minLength,
  ...field
}: FieldBase & { defaultValue?: string; rows?: number; maxLength?: number; minLength?: number }) {
  const { "aria-describedby": describedBy, ...attributes } = controlAttributes(field);
  return (
    <LabelledField {...field}>
      {/* No maxLength on the control: GOV.UK's count lets people type past the limit and then says so. */}
      <CharacterCountTextarea
        {...attributes}
        describedBy={describedBy}
        rows={rows}
        defaultValue={defaultValue}
        minLength={minLength}
        maxLength={maxLength}
        className={`govuk-textarea ${field.error ? "govuk-input-error" : ""}`}
      />
    </LabelledField>
  );
}

/** GOV.UK-style large radios and checkboxes drawn on a native input (kept as whole class names for Tailwind). */
const CHOICE_INPUT_CLASSES = [
  "peer m-0 size-10 shrink-0 cursor-pointer appearance-none border-2 border-govuk-input bg-white",
  "checked:bg-[radial-gradient(circle,var(--color-govuk-text)_40%,transparent_45%)]",
  "focus:outline-[3px] focus:outline-govuk-focus focus:outline-offset-0",
  "focus:shadow-[0_0_0_4px_var(--color-govuk-focus)]",
].join(" ");
const RADIO_CLASSES = "rounded-full";
const CHECKBOX_CLASSES = [
  "checked:bg-[linear-gradient(var(--color-govuk-text),var(--color-govuk-text))]",
  "checked:bg-[length:60%_60%] checked:bg-center checked:bg-no-repeat",
].join(" ");

export interface ChoiceOption {
  value: string;
  label: ReactNode;
  hint?: ReactNode;
  /** Shown under the option (GOV.UK conditional reveal, always visible so it works without JS). */
  conditional?: ReactNode;
}

export function ChoiceGroup({
  name,
  label,
  hint,
  error,
  asHeading,
  options,
  type,
  defaultValue,
  inline,
  moreOptions,
}: FieldBase & {
  options: ChoiceOption[];
  type: "radio" | "checkbox";
  defaultValue?: string | string[];
  inline?: boolean;
  /** Options from index `after` on go behind a disclosure, open when one of them is chosen (works without JS). */
  moreOptions?: { after: number; summary: string };
}) {
  const selected = new Set(Array.isArray(defaultValue) ? defaultValue : defaultValue ? [defaultValue] : []);
  const split = moreOptions && moreOptions.after > 0 && moreOptions.after < options.length ? moreOptions.after : 0;
  const withMoreOptions = (items: ReactNode[]) =>
    split ? (
      <>
        {items.slice(0, split)}
        <details
          className="mb-3"
          open={options.slice(split).some((option) => selected.has(option.value))}
          data-testid={`${name}-more-options`}
        >
          <summary className="mb-3 cursor-pointer text-govuk-link underline">{moreOptions?.summary}</summary>
          {items.slice(split)}
        </details>
      </>
    ) : (
      items
    );
  return (
    <FormGroup error={error}>
      <fieldset className="min-w-0 border-0 p-0" aria-describedby={describedBy(name, hint, error)}>
        <legend className="govuk-fieldset-legend">
          {asHeading ? <h1 className="govuk-heading-l mb-3!">{label}</h1> : <span className="font-bold">{label}</span>}
        </legend>
        <Hint name={name} hint={hint} />
        <ErrorMessage name={name} error={error} />
        <div className={inline ? "flex flex-wrap gap-x-6" : ""}>
          {withMoreOptions(
            options.map((option, index) => {
              // The first option carries the field's id so error summary links land on it.
              const id = index === 0 ? name : `${name}-${index + 1}`;
              return (
                <div key={option.value} className="govuk-choice mb-3">
                  <div className="relative flex items-start">
                    <input
                      id={id}
                      name={name}
                      type={type}
                      value={option.value}
                      defaultChecked={selected.has(option.value)}
                      aria-describedby={option.hint ? `${id}-item-hint` : undefined}
                      className={`${CHOICE_INPUT_CLASSES} ${type === "radio" ? RADIO_CLASSES : CHECKBOX_CLASSES}`}
                    />
                    <div className="pl-3 pt-2">
                      <label htmlFor={id} className="cursor-pointer">
                        {option.label}
                      </label>
                      {option.hint ? (
                        <div id={`${id}-item-hint`} className="govuk-hint mb-0!">
                          {option.hint}
                        </div>
                      ) : null}
                    </div>
                  </div>
                  {option.conditional ? (
                    <div className="govuk-conditional ml-[18px] mt-2 border-l-4 border-govuk-border pl-8 pt-2">
                      {option.conditional}
                    </div>
                  ) : null}
                </div>
              );
            }),
          )}
        </div>
      </fieldset>
    </FormGroup>
  );
}

/** GOV.UK date input: day, month and year boxes posted as <name>-day, <name>-month, <name>-year. */
export function DateInput({
  name,
  label,
  hint,
  error,
  asHeading,
  defaultValue,
}: FieldBase & { defaultValue?: { day: string; month: string; year: string } }) {
  const parts = [
    { part: "day", label: "Day", width: "w-[5ch]", value: defaultValue?.day },
    { part: "month", label: "Month", width: "w-[5ch]", value: defaultValue?.month },
    { part: "year", label: "Year", width: "w-[7ch]", value: defaultValue?.year },
  ] as const;
  return (
    <FormGroup error={error}>
      <fieldset className="min-w-0 border-0 p-0" role="group" aria-describedby={describedBy(name, hint, error)}>
        <legend className="govuk-fieldset-legend">
          {asHeading ? <h1 className="govuk-heading-l mb-3!">{label}</h1> : <span className="font-bold">{label}</span>}
        </legend>
        <Hint name={name} hint={hint} />
        <ErrorMessage name={name} error={error} />
        <div className="flex gap-5">
          {parts.map(({ part, label: partLabel, width, value }) => {
            // The day box carries the field's own id so error summary links land on it.
            const id = part === "day" ? name : `${name}-${part}`;
            return (
              <div key={part}>
                <label htmlFor={id} className="govuk-label">
                  {partLabel}
                </label>
                <input
                  id={id}
                  name={`${name}-${part}`}
                  type="text"
                  inputMode="numeric"
                  defaultValue={value}
                  maxLength={part === "year" ? 4 : 2}
                  className={`govuk-input ${width} ${error ? "govuk-input-error" : ""}`}
                />
              </div>
            );
          })}
        </div>
      </fieldset>
    </FormGroup>
  );
}
