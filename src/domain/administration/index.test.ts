import { describe, expect, it } from "vitest";
import { ORGANISATION_KINDS } from "@/domain/lawful-basis";
import {
  type AdminSeat,
  ORGANISATION_KIND_LABELS,
  leavesNoActiveAdmin,
  organisationKindEffect,
  teamNameKey,
  tidyTeamName,
} from "./index";

describe("organisationKindEffect", () => {
  it("labels every kind", () => {
    for (const kind of ORGANISATION_KINDS) expect(ORGANISATION_KIND_LABELS[kind]).toBeTruthy();
  });

  it("does not offer legitimate interests to a public authority such as a school", () => {
    const school = organisationKindEffect("SCHOOL");
    expect(school.publicAuthority).toBe(true);
    expect(school.notOffered.map((b) => b.reference)).toContain("UK GDPR Article 6(1)(f)");
    expect(school.summary).toMatch(/not offered legitimate interests/);
  });

  it("offers legitimate interests to a voluntary organisation, but not the police's law enforcement bases", () => {
    const voluntary = organisationKindEffect("VOLUNTARY");
    expect(voluntary.publicAuthority).toBe(false);
    const references = voluntary.notOffered.map((b) => b.reference);
    expect(references).not.toContain("UK GDPR Article 6(1)(f)");
    expect(references).toContain("Data Protection Act 2018, Schedule 8 paragraph 1");
  });

  it("offers the police their law enforcement bases", () => {
    const references = organisationKindEffect("POLICE").notOffered.map((b) => b.reference);
    expect(references).not.toContain("Data Protection Act 2018, Schedule 8 paragraph 1");
  });
});

describe("team names", () => {
  it("compare whatever their case and surrounding spaces", () => {
    expect(teamNameKey("  Assessment Team North ")).toBe(teamNameKey("assessment team NORTH"));
    expect(teamNameKey("Team A")).not.toBe(teamNameKey("Team B"));
  });

  it("are tidied to one line with single spaces", () => {
    expect(tidyTeamName("  Early\thelp \n team  ")).toBe("Early help team");
  });
});

describe("leavesNoActiveAdmin", () => {
  const admin = (userId: string, active = true): AdminSeat => ({ userId, role: "ADMIN", active });
  const people = [admin("me"), { userId: "sam", role: "PRACTITIONER", active: true } as AdminSeat];

  it("refuses deactivating or demoting the last active admin", () => {
    expect(leavesNoActiveAdmin(people, admin("me", false))).toBe(true);
    expect(leavesNoActiveAdmin(people, { userId: "me", role: "SUPERVISOR", active: true })).toBe(true);
  });

  it("allows it when another admin is active", () => {
    const two = [...people, admin("other")];
    expect(leavesNoActiveAdmin(two, admin("me", false))).toBe(false);
    expect(leavesNoActiveAdmin(two, { userId: "me", role: "IG_LEAD", active: true })).toBe(false);
  });

  it("does not count a deactivated admin", () => {
    const withInactive = [...people, admin("gone", false)];
    expect(leavesNoActiveAdmin(withInactive, admin("me", false))).toBe(true);
  });

  it("allows changes to other people", () => {
    expect(leavesNoActiveAdmin(people, { userId: "sam", role: "SUPERVISOR", active: false })).toBe(false);
  });
});
