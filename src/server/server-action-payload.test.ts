import { describe, expect, it } from "vitest";
import { checkActionReplyFields, checkActionReplyText, checkFormActionFields } from "./server-action-payload";

const ID = "7f3a9c0d1e2b4a5968778899aabbccddeeff001122";

function boundForm(args: unknown[] | string, extra: [string, string][] = []): [string, string][] {
  return [
    ["$ACTION_REF_1", ""],
    ["$ACTION_1:0", JSON.stringify({ id: ID, bound: "$@1" })],
    ["$ACTION_1:1", typeof args === "string" ? args : JSON.stringify(args)],
    ["$ACTION_KEY", "k1234567890"],
    ["concernCategories", "child-health-or-development"],
    ...extra,
  ];
}

describe("server-action payloads posted without JavaScript", () => {
  it("accepts what React renders: a bound action with plain arguments, and an unbound one", () => {
    const plain = ["2b6c…", "concern", false, { errors: [], values: null }, "$$5 off", "$u"];
    expect(checkFormActionFields(boundForm(plain))).toEqual({ ok: true });
    expect(
      checkFormActionFields([
        ["$ACTION_ID_" + ID, ""],
        ["email", "a@b.example"],
      ]),
    ).toEqual({ ok: true });
    const unbound: [string, string][] = [
      ["$ACTION_REF_2", ""],
      ["$ACTION_2:0", JSON.stringify({ id: ID, bound: null })],
    ];
    expect(checkFormActionFields(unbound)).toEqual({ ok: true });
    expect(checkFormActionFields([["email", "$1AAAA"]])).toEqual({ ok: true });
  });

  it("refuses a bound argument that refers to a part that was not sent ($1 then 2,000 A's)", () => {
    const verdict = checkFormActionFields(boundForm([`$1${"A".repeat(2000)}`, "concern", false, {}]));
    expect(verdict.ok).toBe(false);
    expect(checkFormActionFields(boundForm(["$7", "concern"])).ok).toBe(false);
    expect(checkFormActionFields(boundForm(["$@ff", "concern"])).ok).toBe(false);
  });

  it("refuses references React would reject or look up elsewhere", () => {
    for (const tampered of ["$T", "$F1", "$h1", "$Q1", "$W1", "$B1", "$A1", "$nabc", "$Dnot-a-date", "$Z", "$"]) {
      expect(checkFormActionFields(boundForm([tampered])).ok, tampered).toBe(false);
    }
  });

  it("refuses bound arguments that are not JSON, or nested past reason", () => {
    expect(checkFormActionFields(boundForm('["unterminated')).ok).toBe(false);
    let deep: unknown = "x";
    for (let i = 0; i < 100; i += 1) deep = [deep];
    expect(checkFormActionFields(boundForm([deep])).ok).toBe(false);
  });

  it("refuses tampered metadata and unknown action fields", () => {
    const meta = (value: unknown): [string, string][] => [
      ["$ACTION_REF_1", ""],
      ["$ACTION_1:0", JSON.stringify(value)],
    ];
    expect(checkFormActionFields(meta({ id: ID, bound: "$@1" })).ok).toBe(false); // bound arguments not sent
    expect(checkFormActionFields(meta({ id: "<script>", bound: null })).ok).toBe(false);
    expect(checkFormActionFields(meta(["not", "an", "object"])).ok).toBe(false);
    expect(checkFormActionFields([["$ACTION_REF_x", ""]]).ok).toBe(false);
    expect(checkFormActionFields([["$ACTION_ID_$1AAAA", ""]]).ok).toBe(false);
    expect(checkFormActionFields([["$ACTION_1:0", "{}"]]).ok).toBe(false); // parts with no reference
    expect(checkFormActionFields([["$ACTION_FOO", ""]]).ok).toBe(false);
    expect(checkFormActionFields([["$ACTION_KEY", "x".repeat(5000)]]).ok).toBe(false);
  });
});

describe("server-action calls from JavaScript", () => {
  it("accepts a text body and a FormData argument, refuses references to nothing", () => {
    expect(checkActionReplyText(JSON.stringify(["a", { errors: [] }, "$u"]))).toEqual({ ok: true });
    expect(checkActionReplyText(JSON.stringify(["$1"])).ok).toBe(false);
    expect(checkActionReplyText("not json").ok).toBe(false);
    const withFormData: [string, string][] = [
      ["0", JSON.stringify(["$K1", "$@2"])],
      ["1_email", "x"],
      ["2", '"y"'],
    ];
    expect(checkActionReplyFields(withFormData)).toEqual({ ok: true });
    expect(checkActionReplyFields([["0", JSON.stringify(["$3"])]]).ok).toBe(false);
    expect(checkActionReplyFields([["1", '"no first part"']]).ok).toBe(false);
  });
});
