"use client";
import type { FieldDefinition } from "@/domain/wizard";
import { ChoiceGroup, DateInput, TextInput, Textarea } from "./form-fields";

// Renders a field described as data (the wizard's step definitions, and other forms built the
// same way), with GOV.UK conditional reveals for options that bring in more fields.

export type FieldValues = Record<string, unknown>;

function stringValue(values: FieldValues, name: string): string | undefined {
  const value = values[name];
  return typeof value === "string" ? value : undefined;
}

function listValue(values: FieldValues, name: string): string[] {
  const value = values[name];
  if (Array.isArray(value)) return value.map(String);
  return typeof value === "string" ? [value] : [];
}

function dateValue(values: FieldValues, name: string) {
  const posted = {
    day: stringValue(values, `${name}-day`),
    month: stringValue(values, `${name}-month`),
    year: stringValue(values, `${name}-year`),
  };
  if (posted.day !== undefined || posted.month !== undefined || posted.year !== undefined)
    return { day: posted.day ?? "", month: posted.month ?? "", year: posted.year ?? "" };
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(stringValue(values, name) ?? "");
  return iso ? { year: iso[1] ?? "", month: String(Number(iso[2])), day: String(Number(iso[3])) } : undefined;
}

export function DefinedField({
  field,
  fields,
  values,
  errors,
  heading,
}: {
  field: FieldDefinition;
  fields: readonly FieldDefinition[];
  values: FieldValues;
  errors: Map<string, string>;
  heading?: { title: string; hint?: string };
}) {
  const label = heading ? heading.title : `${field.label}${field.optional ? " (optional)" : ""}`;
  const hint = heading ? (heading.hint ?? field.hint) : field.hint;
  const common = { name: field.name, label, hint, error: errors.get(field.name), asHeading: Boolean(heading) };
  switch (field.kind) {
    case "text":
      return <TextInput {...common} defaultValue={stringValue(values, field.name)} maxLength={field.maxLength} />;
    case "textarea":
      return (
        <Textarea
          {...common}
          defaultValue={stringValue(values, field.name)}
          maxLength={field.maxLength}
          minLength={field.minLength}
        />
      );
    case "date":
      return <DateInput {...common} defaultValue={dateValue(values, field.name)} />;
    case "radios":
    case "checkboxes": {
      // Options marked likely to apply come first, with their reason; the rest sit behind "Show all".
      const all = field.options ?? [];
      const likely = all.filter((option) => option.likely);
      const ordered = likely.length > 0 ? [...likely, ...all.filter((option) => !option.likely)] : all;
      return (
        <ChoiceGroup
          {...common}
          type={field.kind === "radios" ? "radio" : "checkbox"}
          defaultValue={field.kind === "radios" ? stringValue(values, field.name) : listValue(values, field.name)}
          moreOptions={likely.length > 0 ? { after: likely.length, summary: "Show all other bases" } : undefined}
          options={ordered.map((option) => ({
            value: option.value,
            label: option.label,
            hint: option.likely ? `Likely to apply: ${option.likely} ${option.hint ?? ""}`.trim() : option.hint,
            conditional:
              option.revealsFields && option.revealsFields.length > 0 ? (
                <>
                  {option.revealsFields.map((name) => {
                    const revealed = fields.find((candidate) => candidate.name === name);
                    return revealed ? (
                      <DefinedField key={name} field={revealed} fields={fields} values={values} errors={errors} />
                    ) : null;
                  })}
                </>
              ) : undefined,
          }))}
        />
      );
    }
  }
}

/**
 * A form's fields described as data: those at the top level, each bringing in the fields its options
 * reveal. A form of one question takes `heading` (the page's title) as that question's label.
 */
export function DefinedFields({
  heading,
  ...form
}: {
  fields: readonly FieldDefinition[];
  values: FieldValues;
  errors: Map<string, string>;
  heading?: { title: string; hint?: string };
}) {
  const topLevel = topLevelFields(form.fields);
  return topLevel.map((field) => (
    <DefinedField key={field.name} field={field} {...form} heading={topLevel.length === 1 ? heading : undefined} />
  ));
}

/** The fields not revealed by another field's option: those render at the top level. */
export function topLevelFields(fields: readonly FieldDefinition[]): FieldDefinition[] {
  const revealed = new Set(fields.flatMap((f) => f.options?.flatMap((o) => o.revealsFields ?? []) ?? []));
  return fields.filter((f) => !revealed.has(f.name));
}
