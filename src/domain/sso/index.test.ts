import { describe, expect, it } from "vitest";
import { emailDomain, issuerProblem, parseDomainList, passwordRefusedBySso, ssoVerdict } from ".";

const POLICY = { organisationId: "org-a", allowedDomains: ["northshire.example"], allowJoinByDomain: false };
const verified = (email: unknown) => ({ email, emailVerified: true });

describe("single sign-on rules", () => {
  it("reads an email's domain, lower-cased, and refuses what is not one", () => {
    expect(emailDomain("Sam.Patel@NorthShire.Example")).toBe("northshire.example");
    expect(emailDomain("no-at-sign")).toBeNull();
    expect(emailDomain("@northshire.example")).toBeNull();
    expect(emailDomain("x@localhost")).toBeNull();
  });

  it("parses the admin's domain list and reports what is not a domain", () => {
    expect(
      parseDomainList(" @Northshire.example,\nschools.northshire.example  northshire.example; bad_domain"),
    ).toEqual({
      domains: ["northshire.example", "schools.northshire.example"],
      invalid: ["bad_domain"],
    });
  });

  it("accepts https issuers, and http only on loopback", () => {
    expect(issuerProblem("https://login.microsoftonline.com/tenant/v2.0")).toBeNull();
    expect(issuerProblem("http://127.0.0.1:4000")).toBeNull();
    expect(issuerProblem("http://idp.example")).toMatch(/https/);
    expect(issuerProblem("https://idp.example/?x=1")).toMatch(/query/);
    expect(issuerProblem("not a url")).toMatch(/format/);
  });

  it("signs in an enabled member whose verified email is in an allowed domain", () => {
    const user = { organisationId: "org-a", disabled: false };
    expect(ssoVerdict(verified("Sam@Northshire.example"), POLICY, user)).toEqual({
      kind: "sign-in",
      email: "sam@northshire.example",
    });
  });

  it.each([
    [{ email: "sam@northshire.example", emailVerified: false }, "email-not-verified"],
    [{ email: "sam@northshire.example", emailVerified: "true" }, "email-not-verified"],
    [{ email: "sam@northshire.example", emailVerified: undefined }, "email-not-verified"],
    [verified(undefined), "no-email"],
    [verified("sam@elsewhere.example"), "domain-not-allowed"],
    [verified("sam@evil.northshire.example"), "domain-not-allowed"],
  ])("refuses %o: %s", (identity, reason) => {
    expect(ssoVerdict(identity, POLICY, { organisationId: "org-a", disabled: false })).toMatchObject({
      kind: "refuse",
      reason,
    });
  });

  it("refuses a disabled account and an account of another organisation", () => {
    const identity = verified("sam@northshire.example");
    expect(ssoVerdict(identity, POLICY, { organisationId: "org-a", disabled: true })).toMatchObject({
      reason: "account-disabled",
    });
    expect(ssoVerdict(identity, POLICY, { organisationId: "org-b", disabled: false })).toMatchObject({
      reason: "other-organisation",
    });
  });

  it("lets a stranger join only when the organisation allows joining by domain, or they are invited", () => {
    const identity = verified("new@northshire.example");
    expect(ssoVerdict(identity, POLICY, null)).toMatchObject({ kind: "refuse", reason: "not-invited" });
    expect(ssoVerdict(identity, { ...POLICY, allowJoinByDomain: true }, null)).toMatchObject({ kind: "join" });
    expect(ssoVerdict(identity, POLICY, null, true)).toMatchObject({ kind: "join" });
  });

  it("refuses passwords under enforced single sign-on, except the break-glass admin's", () => {
    expect(passwordRefusedBySso(null, "u1")).toBe(false);
    expect(passwordRefusedBySso({ enforced: false, breakGlassUserId: null }, "u1")).toBe(false);
    expect(passwordRefusedBySso({ enforced: true, breakGlassUserId: "admin" }, "u1")).toBe(true);
    expect(passwordRefusedBySso({ enforced: true, breakGlassUserId: "admin" }, "admin")).toBe(false);
  });
});
