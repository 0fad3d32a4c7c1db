// What a partnership as a whole shows, and to whom (issue 14, decision 030): the lead safeguarding
// partners' list of escalated requests, and the oversight of every member's response times. Both are
// decided by who the actor is to the partnership (an appointed lead partner, a member organisation's
// IG lead), not by role alone, so they are not global actions.
import type { Actor, Role } from "./index";

export const PARTNERSHIP_ACTIONS = ["partnership.escalations", "partnership.oversight"] as const;
export type PartnershipAction = (typeof PARTNERSHIP_ACTIONS)[number];

export interface PartnershipResource {
  partnershipId: string;
  memberOrganisationIds: readonly string[];
  leadPartnerIds: readonly string[];
}

export type PartnershipRelation = "lead-partner" | "member" | "neither";
export const PARTNERSHIP_RELATIONS: readonly PartnershipRelation[] = ["lead-partner", "member", "neither"];

export function partnershipRelationOf(actor: Actor, partnership: PartnershipResource): PartnershipRelation {
  if (partnership.leadPartnerIds.includes(actor.userId)) return "lead-partner";
  if (partnership.memberOrganisationIds.includes(actor.organisationId)) return "member";
  return "neither";
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
    IG_LEAD: ["lead-partner", "member"],
  },
};

export function isPartnershipAction(action: string): action is PartnershipAction {
  return (PARTNERSHIP_ACTIONS as readonly string[]).includes(action);
}

export function partnershipCan(actor: Actor, action: PartnershipAction, partnership: PartnershipResource): boolean {
  const relations = PARTNERSHIP_GRANTS[action][actor.role] ?? [];
  return relations.includes(partnershipRelationOf(actor, partnership));
}
