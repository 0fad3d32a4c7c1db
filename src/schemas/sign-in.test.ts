import { describe, expect, it } from "vitest";
import { safeCallbackPath, signInSchema } from "./sign-in";

describe("signInSchema", () => {
  it("accepts and trims a valid sign-in", () => {
    expect(signInSchema.parse({ email: " a@b.gov.uk ", password: "pw" })).toEqual({
      email: "a@b.gov.uk",
      password: "pw",
    });
  });
  it.each([
    [{ email: "", password: "pw" }, "Enter your email address"],
    [
      { email: "not-an-email", password: "pw" },
      "Enter an email address in the correct format, like name@example.gov.uk",
    ],
    [{ email: "a@b.gov.uk", password: "" }, "Enter your password"],
    [{ email: "a@b.gov.uk" }, "Enter your password"],
  ])("rejects %j with %s", (input, message) => {
    const result = signInSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toContain(message);
  });
  it("rejects unknown fields", () => {
    expect(signInSchema.safeParse({ email: "a@b.gov.uk", password: "x", role: "ADMIN" }).success).toBe(false);
  });
});

describe("safeCallbackPath", () => {
  it.each([
    ["/decisions", "/decisions"],
    ["/audit?x=1", "/audit?x=1"],
    ["//evil.example", null],
    ["/\\evil.example", null],
    ["/\t/evil.example", null],
    ["/\n/evil.example", null],
    ["/decisions\\..\\..\\x", null],
    ["https://evil.example", null],
    ["/sign-in", null],
    ["/api/decisions/x", null],
    // Only plain paths: a non-ASCII one made redirect() throw (a 500 after a good sign-in, issue 12).
    ["/décisions", null],
    ["/decisions/\u2028x", null],
    ["/decisions?q=\u00e9", null],
    ["/decisions?q=%C3%A9", "/decisions?q=%C3%A9"],
    ["/decisions/ x", null],
    ['/decisions"x', null],
    [undefined, null],
  ])("%s -> %s", (input, expected) => {
    expect(safeCallbackPath(input)).toBe(expected);
  });
});
