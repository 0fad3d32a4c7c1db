// The canonical JSON of an event's detail (canonicalJson) read straight from PostgreSQL's jsonb text,
// without JSON.parse and a walk over the objects it builds: audit:verify spends much of its time there.
// Only for text whose canonical form provably equals canonicalJson(JSON.parse(text)): printable ASCII,
// no backslash (so no escapes in strings), whole numbers of at most 15 digits (they read and print back
// the same), no repeated keys. Anything else returns null, and the caller takes the general path.
import { type JsonValue, canonicalJson } from "./index";

const SPACE = 0x20;
const QUOTE = 0x22;
const COMMA = 0x2c;
const COLON = 0x3a;
const BACKSLASH = 0x5c;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
/** A whole number that Number() reads exactly and JSON.stringify prints back unchanged ("-0" does not). */
const EXACT_INTEGER = /^(?:0|-?[1-9][0-9]{0,14})$/;

// The reader's position: module state rather than closures, so each call allocates nothing but its output.
let source = "";
let at = 0;

function skipSpaces(): void {
  while (source.charCodeAt(at) === SPACE) at += 1;
}

/** A string at `at`, quotes included; null when there is none. No backslash anywhere, so no escapes. */
function readString(): string | null {
  skipSpaces();
  if (source.charCodeAt(at) !== QUOTE) return null;
  const close = source.indexOf('"', at + 1);
  if (close === -1) return null;
  const quoted = source.slice(at, close + 1);
  at = close + 1;
  return quoted;
}

/** A key whose characters all sort after '"' (no space or '!'): see the sort in readObject. */
function readKey(): string | null {
  const key = readString();
  if (key === null) return null;
  for (let i = 1; i < key.length - 1; i += 1) if (key.charCodeAt(i) <= QUOTE) return null;
  return key;
}

/** The items of an object or array up to its `close`, each read by `readItem`: null where malformed. */
function readItems(close: number, readItem: () => string | null): string[] | null {
  at += 1;
  skipSpaces();
  const items: string[] = [];
  if (source.charCodeAt(at) === close) {
    at += 1;
    return items;
  }
  for (;;) {
    const item = readItem();
    if (item === null) return null;
    items.push(item);
    skipSpaces();
    const next = source.charCodeAt(at++);
    if (next === close) return items;
    if (next !== COMMA) return null;
  }
}

function readMember(): string | null {
  const key = readKey();
  if (key === null) return null;
  skipSpaces();
  if (source.charCodeAt(at) !== COLON) return null;
  at += 1;
  const item = readValue();
  return item === null ? null : `${key}:${item}`;
}

function readObject(): string | null {
  const members = readItems(CLOSE_OBJECT, readMember);
  if (members === null) return null;
  if (members.length <= 1) return `{${members.join("")}}`;
  // Object.keys(...).sort() compares UTF-16 units. The members ('"key":value') sort the same way: keys are
  // printable ASCII above '"' (readKey), so where one key is the other's prefix the closing quote sorts first.
  members.sort();
  for (let i = 1; i < members.length; i += 1) {
    const previous = members[i - 1]!;
    if (members[i]!.startsWith(previous.slice(0, previous.indexOf('"', 1) + 2))) return null; // a repeated key
  }
  return `{${members.join(",")}}`;
}

function readArray(): string | null {
  const items = readItems(CLOSE_ARRAY, readValue);
  return items === null ? null : `[${items.join(",")}]`;
}

function readValue(): string | null {
  skipSpaces();
  const code = source.charCodeAt(at);
  if (code === QUOTE) return readString();
  if (code === OPEN_OBJECT) return readObject();
  if (code === OPEN_ARRAY) return readArray();
  let end = at;
  for (;;) {
    const next = source.charCodeAt(end);
    if (Number.isNaN(next) || next === SPACE || next === COMMA || next === CLOSE_ARRAY || next === CLOSE_OBJECT) break;
    end += 1;
  }
  const token = source.slice(at, end);
  if (token !== "true" && token !== "false" && token !== "null" && !EXACT_INTEGER.test(token)) return null;
  at = end;
  return token;
}

/** canonicalJson(JSON.parse(text)) for the common case, or null when the text needs JSON.parse. */
export function canonicalJsonFromJsonbText(text: string): string | null {
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < SPACE || code > 0x7e || code === BACKSLASH) return null;
  }
  source = text;
  at = 0;
  const result = readValue();
  skipSpaces();
  const whole = result !== null && at === text.length;
  source = "";
  return whole ? result : null;
}

/** canonicalJson of the jsonb text's value: the fast reading when it applies, JSON.parse otherwise. */
export function canonicalJsonOfJsonbText(text: string): string {
  return canonicalJsonFromJsonbText(text) ?? canonicalJson(JSON.parse(text) as JsonValue);
}
