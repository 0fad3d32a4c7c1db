/**
 * Control characters other than tab and line breaks: nobody types them, and PostgreSQL refuses a
 * NUL in text or JSON outright (the request would fail with a 500).
 */
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

export function withoutControlCharacters(text: string): string {
  return text.replace(CONTROL_CHARACTERS, "");
}

/**
 * FormData as a plain object for zod: repeated names become arrays, and React's own hidden
 * fields for server actions ($ACTION_…) are dropped so strict schemas can reject anything else.
 * Control characters are removed from every value.
 */
export function formFields(formData: FormData): Record<string, string | string[]> {
  const fields: Record<string, string | string[]> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith("$ACTION")) continue;
    const text = typeof value === "string" ? withoutControlCharacters(value) : "";
    const existing = fields[key];
    if (existing === undefined) fields[key] = text;
    else fields[key] = Array.isArray(existing) ? [...existing, text] : [existing, text];
  }
  return fields;
}

/** The posted entries in order, repeated names kept apart (as the wizard collects them), cleaned as above. */
export function formEntries(formData: FormData): [string, string][] {
  return [...formData.entries()]
    .filter(([key]) => !key.startsWith("$ACTION"))
    .map(([key, value]) => [key, typeof value === "string" ? withoutControlCharacters(value) : ""]);
}
