import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalJsonFromJsonbText, canonicalJsonOfJsonbText } from "./canonical-jsonb";
import { type JsonValue, canonicalJson } from "./index";

/** JSON as PostgreSQL's jsonb prints it: keys by length then bytes, ", " and ": " between items. */
function jsonbText(value: JsonValue): string {
  if (Array.isArray(value)) return `[${value.map(jsonbText).join(", ")}]`;
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  const keys = Object.keys(value).sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));
  return `{${keys.map((key) => `${JSON.stringify(key)}: ${jsonbText(value[key]!)}`).join(", ")}}`;
}

const general = (text: string) => canonicalJson(JSON.parse(text) as JsonValue);

describe("canonicalJsonFromJsonbText (audit:verify reads the detail without JSON.parse)", () => {
  it("reads jsonb's printing of common details as canonicalJson does", () => {
    const details = [
      '{"kind": "ORIGINAL"}',
      '{"step": "concern", "outcome": "SHARE", "flags": [], "urgent": false, "count": 12}',
      '{"a": [1, -2, {"z": null, "b": true}], "B": {"y": {}, "x": []}}',
      '{"ab": 1, "a": 2, "a_": 3}',
    ];
    for (const text of details) {
      expect(canonicalJsonFromJsonbText(text)).not.toBeNull();
      expect(canonicalJsonFromJsonbText(text)).toBe(general(text));
    }
  });

  it("leaves to JSON.parse what it cannot read exactly", () => {
    const others = [
      '{"n": 1.5}',
      '{"n": 1e3}',
      '{"n": -0}',
      '{"n": 1234567890123456}',
      '{"s": "a \\" quote"}',
      '{"s": "caf\u00e9"}',
      '{"a b": 1, "a": 2}',
      '{"a!": 1, "a": 2}',
      '{"a": 1, "a": 2}',
      '{"a": 1',
      '{"a": tru}',
    ];
    for (const text of others) expect(canonicalJsonFromJsonbText(text)).toBeNull();
    for (const text of others.slice(0, 9)) expect(canonicalJsonOfJsonbText(text)).toBe(general(text));
  });

  it("is canonicalJson(JSON.parse(text)) whenever it gives an answer, for any JSON as jsonb or JS prints it", () => {
    const key = fc.oneof(fc.string({ maxLength: 4 }), fc.constantFrom("a", "ab", "a b", "a!", "B", "_", "~"));
    const value = fc.letrec<{ json: JsonValue }>((tie) => ({
      json: fc.oneof(
        { depthSize: "small" },
        fc.oneof(fc.string(), fc.string({ unit: "binary" }), fc.constantFrom("x", "caf\u00e9", "")),
        fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0, 1e15, 2 ** 53)),
        fc.constantFrom(true, false, null),
        fc.array(tie("json"), { maxLength: 4 }),
        fc.dictionary(key, tie("json"), { maxKeys: 5 }),
      ),
    })).json;
    fc.assert(
      fc.property(value, (json) => {
        for (const text of [jsonbText(json), JSON.stringify(json)]) {
          const fast = canonicalJsonFromJsonbText(text);
          if (fast !== null) expect(fast).toBe(general(text));
          expect(canonicalJsonOfJsonbText(text)).toBe(general(text));
        }
      }),
      { numRuns: 400 },
    );
  });
});
