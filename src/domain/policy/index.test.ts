import { describe, expect, it } from "vitest";
import {
  type Actor,
  type GlobalAction,
  type RecordAction,
  type Role,
  type Scope,
  type ScopedResource,
  GLOBAL_ACTIONS,
  RECORD_ACTIONS,
  ROLES,
  SCOPES,
  can,
  homePathFor,
  scopeOf,
} from "./index";
import { ORG, TEAM, actorWith, tableCases } from "./test-support";

function resourceAt(scope: Scope): ScopedResource {
  switch (scope) {
    // The parties to a dispute about the record, for escalation.resolve: never "me" here.
    case "own":
      return { organisationId: ORG, teamId: TEAM, authorId: "me", partyIds: [] };
    case "team":
      return { organisationId: ORG, teamId: TEAM, authorId: "colleague", partyIds: ["colleague"] };
    case "organisation":
      return { organisationId: ORG, teamId: "team-2", authorId: "someone", partyIds: ["someone"] };
    case "other-organisation":
      return { organisationId: "org-b", teamId: TEAM, authorId: "stranger", partyIds: ["stranger"] };
  }
}

// What practitioners and supervisors both may do, beside recording decisions.
const CASEWORK: GlobalAction[] = [
  "case.search",
  "consultation.record",
  "consultation.list-own",
  "request.send",
  "request.inbox",
  "request.list-own",
  "partnership.view",
];

// The whole policy as a readable table: role -> action -> allowed.
const EXPECTED_GLOBAL: Record<Role, GlobalAction[]> = {
  PRACTITIONER: ["decision.record", "decision.list-own", ...CASEWORK],
  SUPERVISOR: [
    "decision.record",
    "decision.list-own",
    "review.queue",
    "review.team-view",
    "escalation.list",
    ...CASEWORK,
  ],
  IG_LEAD: [
    "case.search",
    "escalation.list",
    "audit.view",
    "audit.verify",
    "audit.export",
    "decisions.export",
    "subject-access.export",
    "dashboard.view",
    "retention.manage",
    "settings.manage",
    "retention-rules.manage",
    "partnership.view",
  ],
  ADMIN: [
    "settings.manage",
    "users.manage",
    "organisation.manage",
    "teams.manage",
    "users.invite",
    "arrangements.manage",
    "sso.manage",
    "partnership.view",
  ],
};

// role -> action -> scopes allowed
const EXPECTED_RECORD: Record<Role, Record<RecordAction, Scope[]>> = {
  PRACTITIONER: {
    "decision.view": ["own"],
    "decision.review": [],
    "decision.reply": ["own"],
    "decision.reconsider": ["own"],
    "decision.confirm-share": ["own"],
    "decision.escalate": ["own"],
    "decision.export": ["own"],
    "escalation.resolve": [],
    "consultation.view": ["own"],
    "consultation.link": ["own"],
  },
  SUPERVISOR: {
    "decision.view": ["own", "team"],
    "decision.review": ["team"],
    "decision.reply": ["own"],
    "decision.reconsider": ["own"],
    "decision.confirm-share": ["own", "team"],
    "decision.escalate": ["own", "team"],
    "decision.export": ["own", "team"],
    "escalation.resolve": ["team"],
    "consultation.view": ["own", "team"],
    "consultation.link": ["own"],
  },
  IG_LEAD: {
    "decision.view": ["own", "team", "organisation"],
    "decision.review": [],
    "decision.reply": [],
    "decision.reconsider": [],
    "decision.confirm-share": [],
    "decision.escalate": [],
    "decision.export": ["own", "team", "organisation"],
    "escalation.resolve": ["own", "team", "organisation"],
    "consultation.view": ["own", "team", "organisation"],
    "consultation.link": [],
  },
  ADMIN: {
    "decision.view": [],
    "decision.review": [],
    "decision.reply": [],
    "decision.reconsider": [],
    "decision.confirm-share": [],
    "decision.escalate": [],
    "decision.export": [],
    "escalation.resolve": [],
    "consultation.view": [],
    "consultation.link": [],
  },
};

describe("the tables name every action the policy has, and no other", () => {
  it("global", () => {
    const named = new Set(Object.values(EXPECTED_GLOBAL).flat());
    for (const action of named) expect(GLOBAL_ACTIONS).toContain(action);
  });
  it("record", () => {
    for (const role of ROLES)
      expect(Object.keys(EXPECTED_RECORD[role]).toSorted()).toEqual([...RECORD_ACTIONS].toSorted());
  });
});

describe("global actions", () => {
  const cases = ROLES.flatMap((role) =>
    GLOBAL_ACTIONS.map((action) => ({ role, action, allowed: EXPECTED_GLOBAL[role].includes(action) })),
  );
  it.each(cases)("$role $action -> $allowed", ({ role, action, allowed }) => {
    expect(can(actorWith(role), action)).toBe(allowed);
  });
});

describe("record actions by scope", () => {
  const cases = tableCases(EXPECTED_RECORD, RECORD_ACTIONS, SCOPES);
  it.each(cases)("$role $action on $relation record -> $allowed", ({ role, action, relation, allowed }) => {
    expect(can(actorWith(role), action, resourceAt(relation))).toBe(allowed);
  });

  it("never lets anyone act on another organisation's record", () => {
    for (const role of ROLES)
      for (const action of RECORD_ACTIONS)
        expect(can(actorWith(role), action, resourceAt("other-organisation"))).toBe(false);
  });

  it("refuses a record action when no record is given", () => {
    // Runtime guard for callers that bypass the overloads.
    const unchecked = can as (actor: Actor, action: string, resource?: ScopedResource) => boolean;
    expect(unchecked(actorWith("IG_LEAD"), "decision.view")).toBe(false);
  });
});

describe("escalation.resolve: no party to the dispute resolves it", () => {
  const dispute = (partyIds?: readonly string[]): ScopedResource => ({
    organisationId: ORG,
    teamId: TEAM,
    authorId: "colleague",
    partyIds,
  });

  it.each([
    ["the author of the decision in dispute", ["me", "supervisor"]],
    ["the supervisor whose challenge is disputed", ["colleague", "me"]],
    ["whoever raised it", ["colleague", "supervisor", "me"]],
  ] as const)("refuses %s, whatever their role", (_who, parties) => {
    for (const role of ROLES) expect(can(actorWith(role), "escalation.resolve", dispute(parties))).toBe(false);
  });

  it("lets the team's supervisor and the IG lead resolve a dispute they are not party to", () => {
    expect(can(actorWith("SUPERVISOR"), "escalation.resolve", dispute(["colleague", "supervisor-2"]))).toBe(true);
    expect(can(actorWith("IG_LEAD"), "escalation.resolve", dispute(["colleague", "supervisor-2"]))).toBe(true);
  });

  it("fails closed when the parties are not given", () => {
    expect(can(actorWith("IG_LEAD"), "escalation.resolve", dispute(undefined))).toBe(false);
  });
});

describe("scopeOf", () => {
  it("treats an actor with no team as seeing no team records", () => {
    const loner = actorWith("SUPERVISOR", null);
    expect(scopeOf(loner, { organisationId: ORG, teamId: null, authorId: "x" })).toBe("organisation");
    expect(can(loner, "decision.review", { organisationId: ORG, teamId: null, authorId: "x" })).toBe(false);
  });
  it("puts a same-team record of another organisation outside", () => {
    expect(scopeOf(actorWith("SUPERVISOR"), resourceAt("other-organisation"))).toBe("other-organisation");
  });
});

describe("homePathFor", () => {
  it.each([
    ["PRACTITIONER", "/decisions"],
    ["SUPERVISOR", "/review"],
    ["IG_LEAD", "/audit"],
    ["ADMIN", "/admin"],
  ] as const)("%s lands on %s", (role, path) => {
    expect(homePathFor(role)).toBe(path);
  });
});
