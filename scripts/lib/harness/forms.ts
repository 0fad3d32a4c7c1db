// Posting the app's forms without a browser, the way a browser without JavaScript does: a plain
// multipart POST to the page's own URL carrying the hidden fields React rendered for the server
// action ($ACTION_ID_<id> for a plain action; $ACTION_REF_n, $ACTION_n:0 (action id), $ACTION_n:1
// (bound arguments) and $ACTION_KEY for a form with useActionState). Next.js runs the action and
// answers 303 to wherever it redirected, or 200 with the page re-rendered (e.g. with errors).
import { randomBytes } from "node:crypto";

export type FormFields = [name: string, value: string][];

export interface RenderedForm {
  /** Every input with a name and a value attribute (hidden ones included), in document order. */
  fields: FormFields;
  /** The form's own markup, for checks. */
  html: string;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", "#x27": "'", apos: "'" };

export function decodeHtml(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39|#x27|apos);/g, (_, name: string) => ENTITIES[name] ?? _);
}

function attribute(tag: string, name: string): string | null {
  const match = new RegExp(`\\s${name.replace(/[$]/g, "\\$")}="([^"]*)"`).exec(tag);
  return match ? decodeHtml(match[1]!) : null;
}

/** The forms of a server-rendered page. */
export function renderedForms(html: string): RenderedForm[] {
  const forms: RenderedForm[] = [];
  for (const match of html.matchAll(/<form\b[^>]*>[\s\S]*?<\/form>/g)) {
    const fields: FormFields = [];
    for (const input of match[0].matchAll(/<input\b[^>]*>/g)) {
      const name = attribute(input[0], "name");
      if (name === null) continue;
      const type = attribute(input[0], "type") ?? "text";
      if (type !== "hidden") continue;
      fields.push([name, attribute(input[0], "value") ?? ""]);
    }
    forms.push({ fields, html: match[0] });
  }
  return forms;
}

/** The form whose hidden fields include `name` (e.g. "$ACTION_KEY" for the page's useActionState form). */
export function formWithField(html: string, name: string | RegExp): RenderedForm {
  const form = renderedForms(html).find((f) =>
    f.fields.some(([field]) => (typeof name === "string" ? field === name : name.test(field))),
  );
  if (!form) throw new Error(`no form with a field ${String(name)} on the page`);
  return form;
}

/** The same hidden fields with every occurrence of `from` in their values replaced (e.g. another draft's id). */
export function withBoundValue(fields: FormFields, from: string, to: string): FormFields {
  return fields.map(([name, value]) => [name, value.split(from).join(to)]);
}

export interface MultipartBody {
  body: Uint8Array<ArrayBuffer>;
  contentType: string;
}

export function multipart(fields: FormFields): MultipartBody {
  const boundary = `----harness${randomBytes(12).toString("hex")}`;
  const parts = fields.map(
    ([name, value]) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="${name.replace(/"/g, "%22")}"\r\n\r\n${value}\r\n`,
  );
  return {
    body: new TextEncoder().encode(`${parts.join("")}--${boundary}--\r\n`),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

/** Where a 303 from a form post went, or null. */
export function redirectedTo(response: Response): string | null {
  if (response.status < 300 || response.status >= 400) return null;
  return response.headers.get("location");
}
