import { describe, expect, it } from "vitest";
import type { Role } from "@/domain/policy";
import { navigationFor } from "./Header";

const partnership = {
  partnershipId: "p1",
  memberOrganisationIds: ["trust", "school"],
  leadPartnerIds: ["director"],
};
const person = (role: Role, organisationId = "trust", userId = "someone") => ({
  userId,
  role,
  organisationId,
  teamId: null,
  partnerships: [partnership],
});
const hrefs = (user: Parameters<typeof navigationFor>[0]) => navigationFor(user).map((item) => item.href);

describe("navigationFor: partnership oversight (decision 030, as the partnership policy decides)", () => {
  it("links a member organisation's IG lead to the oversight", () => {
    expect(hrefs(person("IG_LEAD"))).toContain("/requests/oversight");
  });

  it("links a lead partner to it whatever their role, after their requests", () => {
    const links = hrefs(person("SUPERVISOR", "council", "director"));
    expect(links).toContain("/requests/oversight");
    expect(links.indexOf("/requests/oversight")).toBe(links.indexOf("/requests") + 1);
  });

  it("does not link practitioners, supervisors or admins who are not lead partners", () => {
    for (const role of ["PRACTITIONER", "SUPERVISOR", "ADMIN"] as const)
      expect(hrefs(person(role))).not.toContain("/requests/oversight");
  });

  it("does not link an IG lead whose organisation is in no partnership", () => {
    expect(hrefs({ ...person("IG_LEAD"), partnerships: [] })).not.toContain("/requests/oversight");
  });

  it("keeps the role's own sections", () => {
    expect(hrefs(person("IG_LEAD"))).toEqual(expect.arrayContaining(["/audit", "/dashboard"]));
  });
});
