// Who may do what to an information request between agencies (issue 14, decision 028). A request
// has two parties, the requesting organisation and the responding one, and only their people see
// it; within each party, the request's people (the requester and their team's supervisor; the
// responding organisation's single point of contact team) act on it, and the IG lead of either
// side reads it for oversight. Everyone else, including other members of the same partnership,
// learns nothing: the use cases answer "not found" and audit the attempt.
import type { Actor, Role } from "./index";

export const REQUEST_ACTIONS = [
  "request.view",
  "request.assign",
  "request.acknowledge",
  "request.respond",
  "request.confirm-receipt",
  // Decision 030: the requesting side takes a refusal to the lead partners; they read and decide.
  "request.dispute-refusal",
  "request.view-escalated",
  "request.decide-escalation",
] as const;
export type RequestAction = (typeof REQUEST_ACTIONS)[number];

export interface RequestResource {
  requestingOrganisationId: string;
  requestingTeamId: string | null;
  requesterId: string;
  respondingOrganisationId: string;
  /** The responding organisation's single point of contact team, which receives the request. */
  contactTeamId: string;
  /** The partnership's lead safeguarding partners (people). */
  leadPartnerIds: readonly string[];
  /** Whether the request has reached the lead partners (decision 030); absent means it has not. */
  escalated?: boolean;
}

/** How the actor stands to a request, nearest first. */
export type RequestRelation =
  | "requester"
  | "requesting-team"
  | "requesting-organisation"
  | "contact-team"
  | "responding-organisation"
  | "lead-partner"
  | "neither";
export const REQUEST_RELATIONS: readonly RequestRelation[] = [
  "requester",
  "requesting-team",
  "requesting-organisation",
  "contact-team",
  "responding-organisation",
  "lead-partner",
  "neither",
];

export function requestRelationOf(actor: Actor, request: RequestResource): RequestRelation {
  if (actor.organisationId === request.requestingOrganisationId) {
    if (actor.userId === request.requesterId) return "requester";
    if (actor.teamId !== null && actor.teamId === request.requestingTeamId) return "requesting-team";
    return "requesting-organisation";
  }
  if (actor.organisationId === request.respondingOrganisationId) {
    return actor.teamId === request.contactTeamId ? "contact-team" : "responding-organisation";
  }
  // A lead partner who belongs to neither party; one who does stands in that party's relation, and
  // leadPartnerCan (below) decides what their appointment adds.
  if (request.leadPartnerIds.includes(actor.userId)) return "lead-partner";
  return "neither";
}

const CONTACT_TEAM_WORK: Partial<Record<Role, readonly RequestRelation[]>> = {
  PRACTITIONER: ["contact-team"],
  SUPERVISOR: ["contact-team"],
};

const REQUEST_GRANTS: Record<RequestAction, Partial<Record<Role, readonly RequestRelation[]>>> = {
  // Read by who asked, their team's supervisor and the contact team; the IG lead of either party
  // reads it for oversight. An admin runs the service and reads no requests.
  "request.view": {
    PRACTITIONER: ["requester", "contact-team"],
    SUPERVISOR: ["requester", "requesting-team", "contact-team"],
    IG_LEAD: ["requester", "requesting-team", "requesting-organisation", "contact-team", "responding-organisation"],
  },
  "request.assign": CONTACT_TEAM_WORK,
  "request.acknowledge": CONTACT_TEAM_WORK,
  "request.respond": CONTACT_TEAM_WORK,
  // The receipt is the asker's: the requester, or their team's supervisor when they are away.
  "request.confirm-receipt": { PRACTITIONER: ["requester"], SUPERVISOR: ["requester", "requesting-team"] },
  // Disputing a refusal is the asker's too, like confirming receipt (decision 030).
  "request.dispute-refusal": { PRACTITIONER: ["requester"], SUPERVISOR: ["requester", "requesting-team"] },
  // The lead partners' actions are granted by appointment, not by relation: see leadPartnerCan.
  "request.view-escalated": {},
  "request.decide-escalation": {},
};

/** Actions that only the partnership's lead safeguarding partners take, on escalated requests only. */
export const LEAD_PARTNER_ACTIONS: readonly RequestAction[] = ["request.view-escalated", "request.decide-escalation"];

/**
 * Those directly in the exchange: whoever asked, their team, and the team that answered. A lead
 * partner among them is a party to the dispute and may not judge it (nor read it as a judge: they
 * read it as a party, through request.view).
 */
const PARTIES_TO_THE_DISPUTE: readonly RequestRelation[] = ["requester", "requesting-team", "contact-team"];

/**
 * A lead partner reads and decides an escalated request, whatever their role in their own
 * organisation (the appointment is what counts; an admin runs the service and decides nothing), and
 * only once it is escalated: before that, the lead partners see nothing of it (issue 14).
 */
function leadPartnerCan(actor: Actor, request: RequestResource): boolean {
  if (actor.role === "ADMIN" || request.escalated !== true) return false;
  if (!request.leadPartnerIds.includes(actor.userId)) return false;
  return !PARTIES_TO_THE_DISPUTE.includes(requestRelationOf(actor, request));
}

export function isRequestAction(action: string): action is RequestAction {
  return (REQUEST_ACTIONS as readonly string[]).includes(action);
}

export function requestCan(actor: Actor, action: RequestAction, request: RequestResource): boolean {
  if (LEAD_PARTNER_ACTIONS.includes(action)) return leadPartnerCan(actor, request);
  const relations = REQUEST_GRANTS[action][actor.role] ?? [];
  return relations.includes(requestRelationOf(actor, request));
}

/** Whether the actor's organisation is a party to the request at all (for "not found" versus "forbidden"). */
export function isPartyOrganisation(actor: Pick<Actor, "organisationId">, request: RequestResource): boolean {
  return (
    actor.organisationId === request.requestingOrganisationId ||
    actor.organisationId === request.respondingOrganisationId
  );
}
