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
};

function actorIn(relation: PartnershipRelation, role: Role): Actor {
  switch (relation) {
    case "lead-partner":
      return { userId: "director", role, organisationId: "org-council", teamId: null };
    case "member":
      return { userId: "dpo", role, organisationId: "org-school", teamId: null };
    case "neither":
      return { userId: "elsewhere", role, organisationId: "org-eastshire", teamId: null };
  }
}

// role -> action -> relations allowed: the whole partnership policy.
const EXPECTED: Record<Role, Record<PartnershipAction, PartnershipRelation[]>> = {
  PRACTITIONER: { "partnership.escalations": ["lead-partner"], "partnership.oversight": ["lead-partner"] },
  SUPERVISOR: { "partnership.escalations": ["lead-partner"], "partnership.oversight": ["lead-partner"] },
  IG_LEAD: { "partnership.escalations": ["lead-partner"], "partnership.oversight": ["lead-partner", "member"] },
  ADMIN: { "partnership.escalations": [], "partnership.oversight": [] },
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
  it("refuses a partnership action given another kind of resource", () => {
    const unchecked = can as (actor: Actor, action: string, resource?: object) => boolean;
    expect(unchecked(actorIn("lead-partner", "SUPERVISOR"), "partnership.oversight", { organisationId: "x" })).toBe(
      false,
    );
    expect(unchecked(actorIn("lead-partner", "SUPERVISOR"), "partnership.oversight")).toBe(false);
  });
});
