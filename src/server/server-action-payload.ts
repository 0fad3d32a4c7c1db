// Checks a server-action POST before React decodes it, so a tampered payload is a 400 and never
// reaches React's reply decoder (which answers an unresolvable reference with an exception, a
// 500, or a promise that never settles). Pure: takes the posted fields, returns a verdict.
//
// What React's own forms send (react-server-dom, decodeAction / decodeReply):
// - without JavaScript: `$ACTION_ID_<id>` (an action with no bound arguments), or `$ACTION_REF_<n>`
//   with `$ACTION_<n>:0` = {"id": …, "bound": "$@1" | null} and `$ACTION_<n>:<k>` = the bound
//   arguments as JSON; `$ACTION_KEY` names the useActionState slot;
// - with JavaScript (a `Next-Action` header): fields "0", "1", … of the same JSON encoding.
// Inside that JSON a string starting with "$" is a reference. Our forms bind only plain values,
// so only these are allowed: "$$…" (an escaped "$"), "$u", "$I", "$-0", "$-Infinity", "$NaN",
// "$D<date>", "$n<digits>", "$K<hex>" (a FormData argument), and "$<hex>" / "$@<hex>" naming a
// chunk that was actually posted.
// Anything else (Maps, Sets, typed arrays, blobs, server or temporary references, "$1AAAA…") is
// refused: React would look for a chunk or a registry entry that does not exist.

export type FieldValue = string | { readonly size: number };
export type PayloadVerdict = { ok: true } | { ok: false; reason: string };

const MAX_DEPTH = 32;
const MAX_FIELD_CHARS = 200_000;
const CHUNK_REFERENCE = /^\$@?([0-9a-f]{1,6})$/;
const PLAIN_VALUES = new Set(["$u", "$I", "$-0", "$-Infinity", "$NaN"]);
const ACTION_ID = /^[0-9a-f]{2,128}$/;

const refuse = (reason: string): PayloadVerdict => ({ ok: false, reason });

/** Every "$" string in a decoded chunk is one React resolves without error against `chunks`. */
function checkValue(value: unknown, chunks: ReadonlyMap<number, FieldValue>, depth: number): string | null {
  if (depth > MAX_DEPTH) return "nested too deeply";
  if (typeof value === "string") {
    if (!value.startsWith("$") || value.startsWith("$$") || PLAIN_VALUES.has(value)) return null;
    if (value.startsWith("$D")) return Number.isFinite(Date.parse(value.slice(2))) ? null : "an invalid date";
    if (value.startsWith("$n")) return /^-?\d{1,300}$/.test(value.slice(2)) ? null : "an invalid number";
    // A FormData argument (a form submitted by JavaScript): its entries are read by prefix, never looked up.
    if (/^\$K[0-9a-f]{1,6}$/.test(value)) return null;
    const reference = CHUNK_REFERENCE.exec(value);
    if (!reference) return "a reference that is not allowed";
    const chunk = chunks.get(Number.parseInt(reference[1]!, 16));
    return typeof chunk === "string" ? null : "a reference to a part that was not sent";
  }
  if (Array.isArray(value)) {
    for (const item of value) {
      const problem = checkValue(item, chunks, depth + 1);
      if (problem) return problem;
    }
    return null;
  }
  if (value !== null && typeof value === "object") {
    for (const item of Object.values(value)) {
      const problem = checkValue(item, chunks, depth + 1);
      if (problem) return problem;
    }
  }
  return null;
}

/** Chunks of one encoded reply: every chunk must be JSON whose references resolve. */
function checkReply(chunks: ReadonlyMap<number, FieldValue>, label: string): PayloadVerdict {
  if (!chunks.has(0)) return refuse(`${label}: the first part is missing`);
  for (const [id, raw] of chunks) {
    if (typeof raw !== "string") return refuse(`${label}: part ${id} is a file`);
    if (raw.length > MAX_FIELD_CHARS) return refuse(`${label}: part ${id} is too long`);
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      return refuse(`${label}: part ${id} is not JSON`);
    }
    const problem = checkValue(parsed, chunks, 0);
    if (problem) return refuse(`${label}: part ${id} holds ${problem}`);
  }
  return { ok: true };
}

/** A form posted without JavaScript: its `$ACTION_*` fields. */
export function checkFormActionFields(fields: Iterable<readonly [string, FieldValue]>): PayloadVerdict {
  const replies = new Map<string, Map<number, FieldValue>>();
  const refs: string[] = [];
  for (const [name, value] of fields) {
    if (!name.startsWith("$ACTION_")) continue;
    if (name === "$ACTION_KEY") {
      if (typeof value !== "string" || value.length > 1_000) return refuse("the action key is not text");
      continue;
    }
    const idField = /^\$ACTION_ID_(.*)$/s.exec(name);
    if (idField) {
      if (!ACTION_ID.test(idField[1]!)) return refuse("the action id is malformed");
      continue;
    }
    const refField = /^\$ACTION_REF_(.*)$/s.exec(name);
    if (refField) {
      if (!/^\d{1,6}$/.test(refField[1]!)) return refuse("the action reference is malformed");
      refs.push(refField[1]!);
      continue;
    }
    const part = /^\$ACTION_(\d{1,6}):(\d{1,6})$/.exec(name);
    if (!part) return refuse(`an unknown action field`);
    const chunks = replies.get(part[1]!) ?? new Map<number, FieldValue>();
    const id = Number(part[2]);
    if (chunks.has(id)) return refuse("an action field is sent twice");
    chunks.set(id, value);
    replies.set(part[1]!, chunks);
  }
  for (const ref of refs) {
    const chunks = replies.get(ref);
    if (!chunks) return refuse("the action reference names no bound arguments");
    const verdict = checkReply(chunks, "the bound action");
    if (!verdict.ok) return verdict;
    const meta = JSON.parse(chunks.get(0) as string) as unknown;
    if (meta === null || typeof meta !== "object" || Array.isArray(meta)) {
      return refuse("the bound action is not described");
    }
    const { id, bound } = meta as { id?: unknown; bound?: unknown };
    if (typeof id !== "string" || !ACTION_ID.test(id)) return refuse("the bound action's id is malformed");
    if (bound !== null && (typeof bound !== "string" || !/^\$@[0-9a-f]{1,6}$/.test(bound))) {
      return refuse("the bound arguments are not a reference");
    }
  }
  for (const ref of replies.keys()) if (!refs.includes(ref)) return refuse("bound arguments with no action reference");
  return { ok: true };
}

/** A call from the browser's JavaScript (Next-Action header), posted as multipart fields "0", "1", … */
export function checkActionReplyFields(fields: Iterable<readonly [string, FieldValue]>): PayloadVerdict {
  const chunks = new Map<number, FieldValue>();
  for (const [name, value] of fields) {
    // Fields that are not parts of the reply (a FormData argument's own fields) are left to React.
    if (!/^\d{1,6}$/.test(name)) continue;
    chunks.set(Number(name), value);
  }
  return checkReply(chunks, "the action call");
}

/** A call from the browser's JavaScript posted as one text body: a single part with no others to refer to. */
export function checkActionReplyText(body: string): PayloadVerdict {
  return checkReply(new Map([[0, body]]), "the action call");
}

/**
 * The check proxy.ts runs on a POST to a page (where server actions are posted): the verdict on
 * its body, or null when the body is not one React would decode as an action.
 */
export async function checkServerActionRequest(request: Request): Promise<PayloadVerdict | null> {
  const contentType = request.headers.get("content-type") ?? "";
  const isForm =
    contentType.startsWith("multipart/form-data") || contentType.startsWith("application/x-www-form-urlencoded");
  const fromScript = request.headers.has("next-action");
  if (!isForm && !fromScript) return null;
  if (fromScript && !isForm) {
    const text = await request.clone().text();
    return checkActionReplyText(text);
  }
  let form: FormData;
  try {
    form = await request.clone().formData();
  } catch {
    return refuse("the form could not be read");
  }
  const entries = [...form.entries()] as [string, FieldValue][];
  return fromScript ? checkActionReplyFields(entries) : checkFormActionFields(entries);
}
