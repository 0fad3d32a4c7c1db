import { describe, expect, it } from "vitest";
import { type Role, ROLES } from "./index";
import {
  type CaseAccess,
  type CaseRelation,
  type CaseResource,
  CASE_RELATIONS,
  caseAccess,
  caseRelationOf,
} from "./case";
import { ORG, TEAM, actorWith } from "./test-support";

function caseAt(relation: CaseRelation): CaseResource {
  switch (relation) {
    case "author":
      return { organisationId: ORG, teamIds: ["team-2"], authorIds: ["someone", "me"] };
    case "case-team":
      return { organisationId: ORG, teamIds: ["team-2", TEAM], authorIds: ["colleague", "someone"] };
    case "organisation":
      return { organisationId: ORG, teamIds: ["team-2", null], authorIds: ["someone"] };
    case "other-organisation":
      return { organisationId: "org-b", teamIds: [TEAM], authorIds: ["me"] };
  }
}

// The case page's policy as a table: role -> relation to the case -> what they learn.
const EXPECTED: Record<Role, Record<CaseRelation, CaseAccess>> = {
  PRACTITIONER: { author: "read", "case-team": "read", organisation: "existence", "other-organisation": "none" },
  SUPERVISOR: { author: "read", "case-team": "read", organisation: "existence", "other-organisation": "none" },
  IG_LEAD: { author: "read", "case-team": "read", organisation: "read", "other-organisation": "none" },
  ADMIN: { author: "existence", "case-team": "existence", organisation: "existence", "other-organisation": "none" },
};

describe("case.view by relation to the case", () => {
  const cases = ROLES.flatMap((role) =>
    CASE_RELATIONS.map((relation) => ({ role, relation, access: EXPECTED[role][relation] })),
  );
  it.each(cases)("$role, $relation -> $access", ({ role, relation, access }) => {
    expect(caseRelationOf(actorWith(role), caseAt(relation))).toBe(relation);
    expect(caseAccess(actorWith(role), caseAt(relation))).toBe(access);
  });

  it("gives someone with no team no team's case, even one with unassigned records", () => {
    const loner = actorWith("SUPERVISOR", null);
    expect(caseAccess(loner, { organisationId: ORG, teamIds: [null], authorIds: ["someone"] })).toBe("existence");
  });

  it("tells another organisation nothing, whoever asks", () => {
    for (const role of ROLES) expect(caseAccess(actorWith(role), caseAt("other-organisation"))).toBe("none");
  });
});
