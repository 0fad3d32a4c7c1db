// What a partnership as a whole shows, and to whom (issue 14, decisions 030 and 033): the lead
// safeguarding partners' list of escalated requests, the oversight of every member's response times,
// the partnership's response times and the bank holidays its clocks skip. Each is decided by who the
// actor is to the partnership (an appointed lead partner, a member organisation's IG lead or admin),
// not by role alone, so they are not global actions.
import type { Actor, Role } from "./index";

export const PARTNERSHIP_ACTIONS = [
  "partnership.escalations",
  "partnership.oversight",
  // Decision 033: the Red / Amber / Green working hours, and the England and Wales bank holidays.
  "partnership.response-times",
  "bank-holidays.manage",
] as const;
export type PartnershipAction = (typeof PARTNERSHIP_ACTIONS)[number];

export interface PartnershipResource {
  partnershipId: string;
  memberOrganisationIds: readonly string[];
  leadPartnerIds: readonly string[];
  /**
   * The organisations of the lead partners (the statutory safeguarding partners). Absent, no member
   * counts as one: a caller that does not load them grants nothing that needs them (fails closed).
   */
  leadPartnerOrganisationIds?: readonly string[];
}

/**
 * From nearest to furthest: an appointed lead partner; someone of a member organisation whose people
 * include a lead partner (a statutory safeguarding partner); someone of another member organisation
 * (a relevant agency, such as a school); anyone else.
 */
export type PartnershipRelation = "lead-partner" | "lead-partner-organisation" | "member" | "neither";
export const PARTNERSHIP_RELATIONS: readonly PartnershipRelation[] = [
  "lead-partner",
  "lead-partner-organisation",
  "member",
  "neither",
];

export function partnershipRelationOf(actor: Actor, partnership: PartnershipResource): PartnershipRelation {
  if (partnership.leadPartnerIds.includes(actor.userId)) return "lead-partner";
  if (!partnership.memberOrganisationIds.includes(actor.organisationId)) return "neither";
  if (partnership.leadPartnerOrganisationIds?.includes(actor.organisationId)) return "lead-partner-organisation";
  return "member";
}

const PARTNERSHIP_GRANTS: Record<PartnershipAction, Partial<Record<Role, readonly PartnershipRelation[]>>> = {
  // Escalated requests reach the lead partners, whatever their role at home; an admin runs the service.
  "partnership.escalations": {
    PRACTITIONER: ["lead-partner"],
    SUPERVISOR: ["lead-partner"],
    IG_LEAD: ["lead-partner"],
  },
  // Figures for a multi-agency audit: the lead partners, and each member organisation's IG lead.
  "partnership.oversight": {
    PRACTITIONER: ["lead-partner"],
    SUPERVISOR: ["lead-partner"],
    IG_LEAD: ["lead-partner", "lead-partner-organisation", "member"],
  },
  // The response times are the statutory partners' arrangement for the whole partnership (decision
  // 033): the admin of an organisation whose people include a lead partner records them. A relevant
  // agency's admin (a school's) reads them; so does everyone else in a member organisation.
  "partnership.response-times": { ADMIN: ["lead-partner", "lead-partner-organisation"] },
  // Bank holidays are shared by every organisation on the instance and there is no instance-wide
  // role: any member organisation's admin keeps the list (decision 033).
  "bank-holidays.manage": { ADMIN: ["lead-partner", "lead-partner-organisation", "member"] },
};

export function isPartnershipAction(action: string): action is PartnershipAction {
  return (PARTNERSHIP_ACTIONS as readonly string[]).includes(action);
}

export function partnershipCan(actor: Actor, action: PartnershipAction, partnership: PartnershipResource): boolean {
  const relations = PARTNERSHIP_GRANTS[action][actor.role] ?? [];
  return relations.includes(partnershipRelationOf(actor, partnership));
}
