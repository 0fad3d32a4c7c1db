import { describe, expect, it } from "vitest";
import {
  type Actor,
  type PartnershipAction,
  type PartnershipRelation,
  type PartnershipResource,
  type Role,
  PARTNERSHIP_ACTIONS,
  PARTNERSHIP_RELATIONS,
  ROLES,
  can,
  partnershipRelationOf,
} from "./index";
import { tableCases } from "./test-support";

const PARTNERSHIP: PartnershipResource = {
  partnershipId: "northshire",
  memberOrganisationIds: ["org-council", "org-school", "org-trust"],
  leadPartnerIds: ["director"],
  leadPartnerOrganisationIds: ["org-council"],
};

function actorIn(relation: PartnershipRelation, role: Role): Actor {
  switch (relation) {
    case "lead-partner":
      return { userId: "director", role, organisationId: "org-council", teamId: null };
    case "lead-partner-organisation":
      return { userId: "council-admin", role, organisationId: "org-council", teamId: null };
    case "member":
      return { userId: "dpo", role, organisationId: "org-school", teamId: null };
    case "neither":
      return { userId: "elsewhere", role, organisationId: "org-eastshire", teamId: null };
  }
}

const NOBODY_ELSE = { "partnership.response-times": [], "bank-holidays.manage": [] } as const;

// role -> action -> relations allowed: the whole partnership policy.
const EXPECTED: Record<Role, Record<PartnershipAction, readonly PartnershipRelation[]>> = {
  PRACTITIONER: {
    "partnership.escalations": ["lead-partner"],
    "partnership.oversight": ["lead-partner"],
    ...NOBODY_ELSE,
  },
  SUPERVISOR: {
    "partnership.escalations": ["lead-partner"],
    "partnership.oversight": ["lead-partner"],
    ...NOBODY_ELSE,
  },
  IG_LEAD: {
    "partnership.escalations": ["lead-partner"],
    "partnership.oversight": ["lead-partner", "lead-partner-organisation", "member"],
    ...NOBODY_ELSE,
  },
  ADMIN: {
    "partnership.escalations": [],
    "partnership.oversight": [],
    "partnership.response-times": ["lead-partner", "lead-partner-organisation"],
    "bank-holidays.manage": ["lead-partner", "lead-partner-organisation", "member"],
  },
};

describe("partnership actions by role and relation", () => {
  it.each(ROLES)("the table names every action for %s", (role) => {
    expect(Object.keys(EXPECTED[role]).toSorted()).toEqual([...PARTNERSHIP_ACTIONS].toSorted());
  });
  it.each(PARTNERSHIP_RELATIONS)("places the %s", (relation) => {
    expect(partnershipRelationOf(actorIn(relation, "SUPERVISOR"), PARTNERSHIP)).toBe(relation);
  });
  const cases = tableCases(EXPECTED, PARTNERSHIP_ACTIONS, PARTNERSHIP_RELATIONS);
  it.each(cases)("$role $action as $relation -> $allowed", ({ role, action, relation, allowed }) => {
    expect(can(actorIn(relation, role), action, PARTNERSHIP)).toBe(allowed);
  });
  it("counts nobody as a lead partner's organisation when the resource does not name them (fails closed)", () => {
    const { leadPartnerOrganisationIds: _omitted, ...withoutOrganisations } = PARTNERSHIP;
    const councilAdmin = actorIn("lead-partner-organisation", "ADMIN");
    expect(partnershipRelationOf(councilAdmin, withoutOrganisations)).toBe("member");
    expect(can(councilAdmin, "partnership.response-times", withoutOrganisations)).toBe(false);
    expect(can(councilAdmin, "bank-holidays.manage", withoutOrganisations)).toBe(true);
  });
  it("does not count a lead partner's organisation that is not a member", () => {
    const outsider = { ...PARTNERSHIP, leadPartnerOrganisationIds: ["org-council", "org-eastshire"] };
    const admin = actorIn("neither", "ADMIN");
    expect(partnershipRelationOf(admin, outsider)).toBe("neither");
    expect(can(admin, "partnership.response-times", outsider)).toBe(false);
  });
  it("refuses a partnership action given another kind of resource", () => {
    const unchecked = can as (actor: Actor, action: string, resource?: object) => boolean;
    expect(unchecked(actorIn("lead-partner", "SUPERVISOR"), "partnership.oversight", { organisationId: "x" })).toBe(
      false,
    );
    expect(unchecked(actorIn("lead-partner", "SUPERVISOR"), "partnership.oversight")).toBe(false);
  });
});
