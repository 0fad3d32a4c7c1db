import { describe, expect, it } from "vitest";
import { ssoConfigurationSchema } from "./sso-configuration";

const VALID = { issuer: "https://login.example.gov.uk/tenant/v2.0/", clientId: "abc", domains: "example.gov.uk" };

describe("the admin's single sign-on form", () => {
  it("reads unticked boxes as off, a blank secret as keep, and keeps the issuer as entered", () => {
    expect(ssoConfigurationSchema.parse({ ...VALID, clientSecret: "" })).toEqual({
      issuer: "https://login.example.gov.uk/tenant/v2.0/",
      clientId: "abc",
      clientSecret: null,
      domains: ["example.gov.uk"],
      allowJoinByDomain: false,
      joinRole: "PRACTITIONER",
      enforced: false,
      breakGlassEmail: null,
    });
    expect(
      ssoConfigurationSchema.parse({ ...VALID, allowJoinByDomain: "yes", enforced: "yes", breakGlassEmail: "A@x.uk" }),
    ).toMatchObject({ allowJoinByDomain: true, enforced: true, breakGlassEmail: "a@x.uk" });
  });

  it.each([
    [{ issuer: "http://idp.example.gov.uk" }, "issuer"],
    [{ domains: "not a domain!" }, "domains"],
    [{ domains: " " }, "domains"],
    [{ joinRole: "ADMIN" }, "joinRole"],
    [{ enforced: "yes" }, "breakGlassEmail"],
    [{ enforced: "on" }, "enforced"],
  ])("refuses %o in %s", (change, field) => {
    const result = ssoConfigurationSchema.safeParse({ ...VALID, ...change });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path[0])).toContain(field);
  });
});
