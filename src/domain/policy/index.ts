// The authorisation policy: who may do what, to which records. Pure, so every page, server
// action and route handler asks the same question and the table-driven tests cover it all.
import { column, keysOf } from "../closed-lists";
import { type PartnershipAction, type PartnershipResource, isPartnershipAction, partnershipCan } from "./partnership";
import { type RequestAction, type RequestResource, isRequestAction, requestCan } from "./request";

interface RoleFacts {
  label: string;
  /** The page its people land on after signing in. */
  home: string;
}

/** The roles (ROLES comes from the keys), how each is named and where its people start. */
const ROLE_FACTS = {
  PRACTITIONER: { label: "Practitioner", home: "/decisions" },
  SUPERVISOR: { label: "Supervisor / designated safeguarding lead", home: "/review" },
  IG_LEAD: { label: "Information governance lead", home: "/audit" },
  ADMIN: { label: "Service administrator", home: "/admin" },
} satisfies Record<string, RoleFacts>;
export const ROLES = keysOf(ROLE_FACTS);
export type Role = (typeof ROLES)[number];
export const ROLE_LABELS: Record<Role, string> = column(ROLE_FACTS, "label");

export interface Actor {
  userId: string;
  role: Role;
  organisationId: string;
  teamId: string | null;
}

/** The owner and place of a record an action touches. */
export interface ScopedResource {
  organisationId: string;
  teamId: string | null;
  authorId: string;
  /**
   * For a dispute (escalation.resolve): everyone who is a party to it, i.e. the author of the
   * decision in dispute, whoever raised the escalation, and the supervisors whose challenge is
   * disputed. None of them may resolve it; without the list, nobody may (it fails closed).
   */
  partyIds?: readonly string[];
}

/**
 * Actions that need no particular record: the question is only "may this role do it here?". The
 * grants are the list of these actions (GLOBAL_ACTIONS comes from their keys).
 */
const GLOBAL_GRANTS = {
  // Designated safeguarding leads make decisions too, so supervisors may record them.
  "decision.record": ["PRACTITIONER", "SUPERVISOR"],
  "decision.list-own": ["PRACTITIONER", "SUPERVISOR"],
  "review.queue": ["SUPERVISOR"],
  // Every decision of the supervisor's own team, reviewed or not (issue 13): the team is the scope.
  "review.team-view": ["SUPERVISOR"],
  "escalation.list": ["SUPERVISOR", "IG_LEAD"],
  "audit.view": ["IG_LEAD"],
  "audit.verify": ["IG_LEAD"],
  "audit.export": ["IG_LEAD"],
  // Bulk disclosures of the organisation's records: the IG lead's call, like the audit export.
  "decisions.export": ["IG_LEAD"],
  "subject-access.export": ["IG_LEAD"],
  "dashboard.view": ["IG_LEAD"],
  "retention.manage": ["IG_LEAD"],
  "settings.manage": ["IG_LEAD", "ADMIN"],
  // People (role, team, deactivation), the organisation's profile and its teams: the admin's.
  "users.manage": ["ADMIN"],
  "organisation.manage": ["ADMIN"],
  "teams.manage": ["ADMIN"],
  // Finding a case opens its page, where the case policy (./case.ts) decides what each reader learns.
  "case.search": ["PRACTITIONER", "SUPERVISOR", "IG_LEAD"],
  // Invitations and CSV import (decision 019).
  "users.invite": ["ADMIN"],
  // Decision 024. Advice sought without naming the child: whoever makes decisions may record it.
  "consultation.record": ["PRACTITIONER", "SUPERVISOR"],
  "consultation.list-own": ["PRACTITIONER", "SUPERVISOR"],
  // The organisation's agreements, escalation route and advice contacts: its admin's to set.
  "arrangements.manage": ["ADMIN"],
  // How long each type of record is kept: the IG lead's call, like retention itself.
  "retention-rules.manage": ["IG_LEAD"],
  // Who signs in through which identity provider: the admin's, like the accounts themselves.
  "sso.manage": ["ADMIN"],
  // Issue 14, information requests between the agencies of a partnership (decision 028).
  // Whoever makes decisions may ask a partner; the inbox shows what reaches their contact team.
  "request.send": ["PRACTITIONER", "SUPERVISOR"],
  "request.inbox": ["PRACTITIONER", "SUPERVISOR"],
  "request.list-own": ["PRACTITIONER", "SUPERVISOR"],
  // Who the partners are and how fast each priority must be answered: everyone in a member organisation.
  "partnership.view": ["PRACTITIONER", "SUPERVISOR", "IG_LEAD", "ADMIN"],
} satisfies Record<string, readonly Role[]>;
export const GLOBAL_ACTIONS = keysOf(GLOBAL_GRANTS);
export type GlobalAction = (typeof GLOBAL_ACTIONS)[number];

/** Where a record sits relative to the actor, from nearest to furthest. */
export type Scope = "own" | "team" | "organisation" | "other-organisation";
export const SCOPES: readonly Scope[] = ["own", "team", "organisation", "other-organisation"];

export function scopeOf(actor: Actor, resource: ScopedResource): Scope {
  if (resource.organisationId !== actor.organisationId) return "other-organisation";
  if (resource.authorId === actor.userId) return "own";
  if (actor.teamId !== null && resource.teamId === actor.teamId) return "team";
  return "organisation";
}

/** Actions on one record, decided by where the record sits relative to the actor (RECORD_ACTIONS: the keys). */
const RECORD_GRANTS = {
  "decision.view": {
    PRACTITIONER: ["own"],
    SUPERVISOR: ["own", "team"],
    IG_LEAD: ["own", "team", "organisation"],
  },
  // Nobody signs off their own decision: review is a second pair of eyes.
  "decision.review": { SUPERVISOR: ["team"] },
  // The practitioner answers a challenge on their own decision.
  "decision.reply": { PRACTITIONER: ["own"], SUPERVISOR: ["own"] },
  "decision.reconsider": { PRACTITIONER: ["own"], SUPERVISOR: ["own"] },
  // A share is confirmed as done by whoever did it: the author, or their supervisor (issue 11).
  "decision.confirm-share": { PRACTITIONER: ["own"], SUPERVISOR: ["own", "team"] },
  // A dispute (a refusal the requester contests, or a challenge the practitioner stands by) can
  // be raised by the practitioner or by their supervisor.
  "decision.escalate": { PRACTITIONER: ["own"], SUPERVISOR: ["own", "team"] },
  // A record's JSON download is a disclosure of the same data as its page.
  "decision.export": {
    PRACTITIONER: ["own"],
    SUPERVISOR: ["own", "team"],
    IG_LEAD: ["own", "team", "organisation"],
  },
  // Resolving needs distance from the dispute: the team's supervisor or the organisation's IG lead,
  // and never a party to it (partiesMayNotResolve below).
  "escalation.resolve": { SUPERVISOR: ["team"], IG_LEAD: ["own", "team", "organisation"] },
  // A consultation is read like a decision: its author, their team's supervisor, the IG lead.
  "consultation.view": {
    PRACTITIONER: ["own"],
    SUPERVISOR: ["own", "team"],
    IG_LEAD: ["own", "team", "organisation"],
  },
  // Only its author knows which child it was about, so only they link it to a record.
  "consultation.link": { PRACTITIONER: ["own"], SUPERVISOR: ["own"] },
} satisfies Record<string, Partial<Record<Role, readonly Scope[]>>>;
export const RECORD_ACTIONS = keysOf(RECORD_GRANTS);
export type RecordAction = (typeof RECORD_ACTIONS)[number];
export type Action = GlobalAction | RecordAction | RequestAction | PartnershipAction;

/** A party to a dispute cannot be its judge; a dispute whose parties are not known cannot be resolved. */
export function isPartyToDispute(actor: Actor, resource: ScopedResource): boolean {
  return resource.partyIds === undefined || resource.partyIds.includes(actor.userId);
}

export function isRecordAction(action: Action): action is RecordAction {
  return (RECORD_ACTIONS as readonly string[]).includes(action);
}

/** Whether a role may take an action that needs no particular record (what navigation shows). */
export function roleCan(role: Role, action: GlobalAction): boolean {
  const allowed: readonly Role[] = GLOBAL_GRANTS[action];
  return allowed.includes(role);
}

export function can(actor: Actor, action: GlobalAction): boolean;
export function can(actor: Actor, action: RecordAction, resource: ScopedResource): boolean;
export function can(actor: Actor, action: RequestAction, resource: RequestResource): boolean;
export function can(actor: Actor, action: PartnershipAction, resource: PartnershipResource): boolean;
export function can(
  actor: Actor,
  action: Action,
  resource?: ScopedResource | RequestResource | PartnershipResource,
): boolean {
  if (isPartnershipAction(action)) {
    if (!resource || !("memberOrganisationIds" in resource)) return false;
    return partnershipCan(actor, action, resource);
  }
  if (isRequestAction(action)) {
    if (!resource || !("requesterId" in resource)) return false;
    return requestCan(actor, action, resource);
  }
  if (isRecordAction(action)) {
    if (!resource || !("authorId" in resource)) return false;
    if (action === "escalation.resolve" && isPartyToDispute(actor, resource)) return false;
    const grants: Partial<Record<Role, readonly Scope[]>> = RECORD_GRANTS[action];
    const scopes = grants[actor.role] ?? [];
    return scopes.includes(scopeOf(actor, resource));
  }
  return roleCan(actor.role, action);
}

/** The home a role lands on after signing in. */
export function homePathFor(role: Role): string {
  return ROLE_FACTS[role].home;
}

export * from "./case";
export * from "./request";
export * from "./partnership";
