// Who may read the joined-up history of one case (issue 13). A case is not one record: it is every
// record an organisation holds under one case reference, possibly written by several teams. Not
// joining up what is known about one child is the failure reviews of child deaths keep naming, so
// nobody in the organisation is told "nothing here" when there is something: people outside the
// case's teams learn that other records exist and which team to ask, but not what they say.
import type { Actor, Role } from "./index";

/** Where a case's records sit: the organisation, the teams that wrote them, and their authors. */
export interface CaseResource {
  organisationId: string;
  teamIds: readonly (string | null)[];
  authorIds: readonly string[];
}

/** What an actor may learn about a case. */
export type CaseAccess = "read" | "existence" | "none";

/** How the actor stands to the case, from nearest to furthest. */
export type CaseRelation = "author" | "case-team" | "organisation" | "other-organisation";
export const CASE_RELATIONS: readonly CaseRelation[] = ["author", "case-team", "organisation", "other-organisation"];

export function caseRelationOf(actor: Actor, resource: CaseResource): CaseRelation {
  if (resource.organisationId !== actor.organisationId) return "other-organisation";
  if (resource.authorIds.includes(actor.userId)) return "author";
  if (actor.teamId !== null && resource.teamIds.includes(actor.teamId)) return "case-team";
  return "organisation";
}

// The case's team works it together and their supervisor oversees it, so both read the whole
// chronology; the IG lead reads every case in the organisation. An admin runs the service and
// reads no case records.
const CASE_READERS: Record<Role, readonly CaseRelation[]> = {
  PRACTITIONER: ["author", "case-team"],
  SUPERVISOR: ["author", "case-team"],
  IG_LEAD: ["author", "case-team", "organisation"],
  ADMIN: [],
};

export function caseAccess(actor: Actor, resource: CaseResource): CaseAccess {
  const relation = caseRelationOf(actor, resource);
  if (relation === "other-organisation") return "none";
  return CASE_READERS[actor.role].includes(relation) ? "read" : "existence";
}
