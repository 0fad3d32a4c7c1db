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
import { tableCases } from "./test-support";

const SCHOOL = "org-school";
const TRUST = "org-trust";
const REQUEST: RequestResource = {
  requestingOrganisationId: SCHOOL,
  requestingTeamId: "team-school-safeguarding",
  requesterId: "teacher",
  respondingOrganisationId: TRUST,
  contactTeamId: "team-trust-contact",
  leadPartnerIds: ["lead"],
  // Escalated, so the lead partners' actions are in play; NOT_ESCALATED below is the request before.
  escalated: true,
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
    "request.dispute-refusal": ["requester"],
    "request.view-escalated": ["lead-partner"],
    "request.decide-escalation": ["lead-partner"],
  },
  SUPERVISOR: {
    "request.view": ["requester", "requesting-team", "contact-team"],
    "request.assign": ["contact-team"],
    "request.acknowledge": ["contact-team"],
    "request.respond": ["contact-team"],
    "request.confirm-receipt": ["requester", "requesting-team"],
    "request.dispute-refusal": ["requester", "requesting-team"],
    "request.view-escalated": ["lead-partner"],
    "request.decide-escalation": ["lead-partner"],
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
    "request.dispute-refusal": [],
    "request.view-escalated": ["lead-partner"],
    "request.decide-escalation": ["lead-partner"],
  },
  ADMIN: {
    "request.view": [],
    "request.assign": [],
    "request.acknowledge": [],
    "request.respond": [],
    "request.confirm-receipt": [],
    "request.dispute-refusal": [],
    "request.view-escalated": [],
    "request.decide-escalation": [],
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

const NOT_ESCALATED: RequestResource = { ...REQUEST, escalated: undefined };

describe("the lead partners' actions (decision 030)", () => {
  const leadActions = ["request.view-escalated", "request.decide-escalation"] as const;
  // Every actor of the table is a lead partner here: the appointment adds nothing for those in the dispute.
  const everyoneLeads: RequestResource = {
    ...REQUEST,
    leadPartnerIds: ["teacher", "dsl", "head", "nurse", "midwife", "lead", "officer"],
  };
  const allowedAsLead: RequestRelation[] = ["requesting-organisation", "responding-organisation", "lead-partner"];
  const cases = (["PRACTITIONER", "SUPERVISOR", "IG_LEAD"] as const).flatMap((role) =>
    leadActions.flatMap((action) => REQUEST_RELATIONS.map((relation) => ({ role, action, relation }))),
  );
  it.each(cases)("a lead partner ($role) standing as $relation: $action", ({ role, action, relation }) => {
    const actor = actorIn(relation, role);
    const standsAs = requestRelationOf(actor, everyoneLeads);
    expect(can(actor, action, everyoneLeads)).toBe(allowedAsLead.includes(standsAs));
    // Before the escalation nobody reads or decides it as a lead partner.
    expect(can(actor, action, { ...everyoneLeads, escalated: false })).toBe(false);
  });
  it("gives nothing to a lead partner who is an admin, or to someone who is not a lead partner", () => {
    for (const action of leadActions) {
      expect(can(actorIn("lead-partner", "ADMIN"), action, REQUEST)).toBe(false);
      expect(can(actorIn("neither", "SUPERVISOR"), action, REQUEST)).toBe(false);
      expect(can(actorIn("requesting-organisation", "IG_LEAD"), action, REQUEST)).toBe(false);
    }
  });
});

describe("request actions by role and relation", () => {
  const cases = tableCases(EXPECTED, REQUEST_ACTIONS, REQUEST_RELATIONS);
  it.each(cases)("$role $action as $relation -> $allowed", ({ role, action, relation, allowed }) => {
    expect(can(actorIn(relation, role), action, REQUEST)).toBe(allowed);
  });

  it("refuses every request action to an organisation that is not a party, even a partner's", () => {
    for (const role of ROLES)
      for (const action of REQUEST_ACTIONS) {
        expect(can(actorIn("neither", role), action, REQUEST)).toBe(false);
        expect(can(actorIn("lead-partner", role), action, NOT_ESCALATED)).toBe(false);
      }
  });

  it("refuses a request action given a decision instead of a request", () => {
    const unchecked = can as (actor: Actor, action: string, resource?: object) => boolean;
    const decision = { organisationId: SCHOOL, teamId: null, authorId: "teacher" };
    expect(unchecked(actorIn("requester", "PRACTITIONER"), "request.view", decision)).toBe(false);
    expect(unchecked(actorIn("requester", "PRACTITIONER"), "request.view")).toBe(false);
  });
});
