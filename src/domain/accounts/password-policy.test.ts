import { describe, expect, it } from "vitest";
import { newPasswordErrors, passwordProblem } from "./password-policy";

describe("password policy", () => {
  it("asks for 12 to 128 characters, counted as a person counts them", () => {
    expect(passwordProblem("short-pass1")).toBe("too-short");
    expect(passwordProblem("ünïcödé-ökay")).not.toBe("too-short");
    expect(passwordProblem("x".repeat(129))).toBe("too-long");
  });

  it("refuses common and breached passwords and near variants, however long", () => {
    for (const common of [
      "password1234",
      "123456789012",
      "qwertyuiop123",
      "iloveyou1234",
      "aaaaaaaaaaaa",
      "Password1234!",
    ]) {
      expect(passwordProblem(common), common).toBe("common");
    }
  });

  it("refuses a password made of the person's own name or email", () => {
    expect(passwordProblem("priyashah2026", ["Priya Shah", "priya.shah@northshire.example"])).toBe("common");
  });

  it("accepts long random passphrases without composition rules", () => {
    expect(passwordProblem("correct horse battery staple")).toBeNull();
    expect(passwordProblem("marmalade tugboat quiver")).toBeNull();
    expect(passwordProblem("InfoShare-demo-2026")).toBeNull();
  });

  it("reports a mismatched confirmation only once the password itself is acceptable", () => {
    expect(newPasswordErrors("marmalade tugboat quiver", "marmalade tugboat")).toEqual([
      { field: "confirmPassword", message: "The passwords do not match" },
    ]);
    expect(newPasswordErrors("short", "other")[0]?.field).toBe("password");
    expect(newPasswordErrors("marmalade tugboat quiver", "marmalade tugboat quiver")).toEqual([]);
  });
});
