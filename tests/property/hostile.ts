// fast-check arbitraries for hostile input, shared by the property tests (*.property.test.ts and
// tests/integration/*.property.test.ts): what a form post, a query string or a replayed request
// can carry. Test-only; nothing in the app imports this.
import fc from "fast-check";

/** Strings an attacker or an unlucky paste would try. */
export const NASTY_STRINGS = [
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "javascript:alert(1)",
  "'; DROP TABLE decision; --",
  "' OR '1'='1",
  "1; SELECT pg_sleep(10)",
  "$1",
  "%00",
  "\u0000",
  "\u202eevil",
  "\uD800",
  "🧒🏽‍👩‍👧",
  "ＤＥＣ－７Ｋ４Ｑ",
  "Zoë Ō'Brien — حماية",
  "../../etc/passwd",
  "{{7*7}}${7*7}",
  "__proto__",
  "constructor",
  '=HYPERLINK("http://evil.example")',
  "   ",
  "",
  "null",
  "undefined",
  "NaN",
  "-1",
  "1e309",
  "9999999999999999999999",
  "2025-02-30",
  "0000-00-00",
] as const;

export const SCRIPT_PAYLOAD = "<script>alert(1)</script>";

/** Any string, with the nasty ones and very long ones (past every field's limit) well represented. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 80 }) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.integer({ min: 201, max: 120_000 }).map((n) => "x".repeat(n)) },
  { weight: 1, arbitrary: fc.constantFrom(...NASTY_STRINGS).map((s) => `${s}${"A".repeat(6_000)}`) },
);

/** Anything JSON or a form could carry in one field. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: hostileString },
  {
    weight: 1,
    arbitrary: fc.constantFrom(null, undefined, true, false, 0, -1, Number.NaN, Number.POSITIVE_INFINITY, 1e21),
  },
  { weight: 1, arbitrary: fc.array(hostileString, { maxLength: 5 }) },
  { weight: 1, arbitrary: fc.dictionary(hostileString, hostileString, { maxKeys: 3 }) },
  { weight: 1, arbitrary: fc.anything({ maxDepth: 2 }) },
);

/** Keys a form should not have. */
export const hostileKey: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    "__proto__",
    "constructor",
    "prototype",
    "$ACTION_ID_x",
    "admin",
    "role",
    "organisationId",
    "id",
    SCRIPT_PAYLOAD,
  ),
  fc.string({ minLength: 1, maxLength: 30 }),
);

/**
 * Form input for a form whose fields are `fields`: some of its own fields with hostile values,
 * sometimes an extra key, sometimes not an object at all.
 */
export function hostileFormInput(fields: readonly string[]): fc.Arbitrary<unknown> {
  const own =
    fields.length > 0
      ? fc.dictionary(fc.constantFrom(...fields), hostileValue, { maxKeys: fields.length })
      : fc.constant({});
  return fc.oneof(
    { weight: 5, arbitrary: own },
    {
      weight: 2,
      arbitrary: fc
        .tuple(own, hostileKey, hostileValue)
        .map(([input, key, value]) => ({ ...(input as object), [key]: value })),
    },
    { weight: 1, arbitrary: fc.anything({ maxDepth: 2 }) },
  );
}

/**
 * A valid form input with some of its fields (sometimes none) replaced by hostile values: past the
 * checks on the form as a whole, into each field's own validation.
 */
export function validWithHostileFields(
  valid: Record<string, unknown>,
  fields: readonly string[],
): fc.Arbitrary<Record<string, unknown>> {
  if (fields.length === 0) return fc.constant({ ...valid });
  return fc
    .dictionary(fc.constantFrom(...fields), hostileValue, { maxKeys: fields.length })
    .map((hostile) => ({ ...valid, ...hostile }));
}

/** A message is "clear" when it is short plain text. */
export function isClearMessage(message: unknown): boolean {
  return typeof message === "string" && message.trim().length > 0 && message.length <= 300;
}
