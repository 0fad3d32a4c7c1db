import { describe, expect, it } from "vitest";
import {
  type Actor,
  type RequestAction,
  type RequestRelation,
  type RequestResource,
  type Role,
  REQUEST_ACTIONS,
  REQUEST_RELATIONS,
  ROLES,
  can,
  requestRelationOf,
} from "./index";

const SCHOOL = "org-school";
const TRUST = "org-trust";
const REQUEST: RequestResource = {
  requestingOrganisationId: SCHOOL,
  requestingTeamId: "team-school-safeguarding",
  requesterId: "teacher",
  respondingOrganisationId: TRUST,
  contactTeamId: "team-trust-contact",
  leadPartnerIds: ["lead"],
};

/** An actor standing in each relation to REQUEST. */
function actorIn(relation: RequestRelation, role: Role): Actor {
  switch (relation) {
    case "requester":
      return { userId: "teacher", role, organisationId: SCHOOL, teamId: "team-school-safeguarding" };
    case "requesting-team":
      return { userId: "dsl", role, organisationId: SCHOOL, teamId: "team-school-safeguarding" };
    case "requesting-organisation":
      return { userId: "head", role, organisationId: SCHOOL, teamId: null };
    case "contact-team":
      return { userId: "nurse", role, organisationId: TRUST, teamId: "team-trust-contact" };
    case "responding-organisation":
      return { userId: "midwife", role, organisationId: TRUST, teamId: "team-trust-wards" };
    case "lead-partner":
      return { userId: "lead", role, organisationId: "org-council", teamId: null };
    case "neither":
      // Another partner of the same partnership (the police), or any other organisation.
      return { userId: "officer", role, organisationId: "org-police", teamId: "team-trust-contact" };
  }
}

// The whole request policy as a table: role -> action -> relations allowed.
const EXPECTED: Record<Role, Record<RequestAction, RequestRelation[]>> = {
  PRACTITIONER: {
    "request.view": ["requester", "contact-team"],
    "request.assign": ["contact-team"],
    "request.acknowledge": ["contact-team"],
    "request.respond": ["contact-team"],
    "request.confirm-receipt": ["requester"],
  },
  SUPERVISOR: {
    "request.view": ["requester", "requesting-team", "contact-team"],
    "request.assign": ["contact-team"],
    "request.acknowledge": ["contact-team"],
    "request.respond": ["contact-team"],
    "request.confirm-receipt": ["requester", "requesting-team"],
  },
  IG_LEAD: {
    "request.view": [
      "requester",
      "requesting-team",
      "requesting-organisation",
      "contact-team",
      "responding-organisation",
    ],
    "request.assign": [],
    "request.acknowledge": [],
    "request.respond": [],
    "request.confirm-receipt": [],
  },
  ADMIN: {
    "request.view": [],
    "request.assign": [],
    "request.acknowledge": [],
    "request.respond": [],
    "request.confirm-receipt": [],
  },
};

describe("the table names every request action", () => {
  it.each(ROLES)("%s", (role) => {
    expect(Object.keys(EXPECTED[role]).toSorted()).toEqual([...REQUEST_ACTIONS].toSorted());
  });
});

describe("requestRelationOf", () => {
  it.each(REQUEST_RELATIONS)("places the %s", (relation) => {
    expect(requestRelationOf(actorIn(relation, "PRACTITIONER"), REQUEST)).toBe(relation);
  });
  it("puts a party's people before lead partners: a lead partner in the requesting organisation is on its side", () => {
    const lead: Actor = { userId: "lead", role: "SUPERVISOR", organisationId: SCHOOL, teamId: null };
    expect(requestRelationOf(lead, REQUEST)).toBe("requesting-organisation");
  });
});

describe("request actions by role and relation", () => {
  const cases = ROLES.flatMap((role) =>
    REQUEST_ACTIONS.flatMap((action) =>
      REQUEST_RELATIONS.map((relation) => ({
        role,
        action,
        relation,
        allowed: EXPECTED[role][action].includes(relation),
      })),
    ),
  );
  it.each(cases)("$role $action as $relation -> $allowed", ({ role, action, relation, allowed }) => {
    expect(can(actorIn(relation, role), action, REQUEST)).toBe(allowed);
  });

  it("refuses every request action to an organisation that is not a party, even a partner's", () => {
    for (const role of ROLES)
      for (const action of REQUEST_ACTIONS) {
        expect(can(actorIn("neither", role), action, REQUEST)).toBe(false);
        expect(can(actorIn("lead-partner", role), action, REQUEST)).toBe(false);
      }
  });

  it("refuses a request action given a decision instead of a request", () => {
    const unchecked = can as (actor: Actor, action: string, resource?: object) => boolean;
    const decision = { organisationId: SCHOOL, teamId: null, authorId: "teacher" };
    expect(unchecked(actorIn("requester", "PRACTITIONER"), "request.view", decision)).toBe(false);
    expect(unchecked(actorIn("requester", "PRACTITIONER"), "request.view")).toBe(false);
  });
});
