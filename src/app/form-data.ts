/**
 * FormData as a plain object for zod: repeated names become arrays, and React's own hidden
 * fields for server actions ($ACTION_…) are dropped so strict schemas can reject anything else.
 */
export function formFields(formData: FormData): Record<string, string | string[]> {
  const fields: Record<string, string | string[]> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith("$ACTION")) continue;
    const text = typeof value === "string" ? value : "";
    const existing = fields[key];
    if (existing === undefined) fields[key] = text;
    else fields[key] = Array.isArray(existing) ? [...existing, text] : [existing, text];
  }
  return fields;
}
