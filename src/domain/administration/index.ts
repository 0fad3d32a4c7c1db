// Administration rules (issue 10, decision 020): what an organisation's kind means for the lawful
// bases its people are offered, how team names compare, and the guard that keeps an organisation
// from losing its last active admin. Pure, so the pages, use cases and tests share one answer.
import {
  LAWFUL_BASES,
  type OrganisationKind,
  isAvailableTo,
  isInForce,
  isPublicAuthority,
} from "@/domain/lawful-basis";
import type { Role } from "@/domain/policy";

export const ORGANISATION_KIND_LABELS: Record<OrganisationKind, string> = {
  LOCAL_AUTHORITY: "Local authority (for example, children's services)",
  SCHOOL: "School, academy or college",
  HEALTH: "Health service (NHS trust, GP practice or other health body)",
  POLICE: "Police force",
  EARLY_YEARS: "Early years setting (nursery, pre-school or childminder)",
  VOLUNTARY: "Voluntary, community or faith organisation",
};

export interface OrganisationKindEffect {
  /** Treated as a public authority doing its public tasks (no legitimate interests). */
  publicAuthority: boolean;
  /** What the kind means for practitioners, in plain English. */
  summary: string;
  /** The lawful bases the wizard does not offer to this kind, by label and legal reference. */
  notOffered: { label: string; reference: string }[];
}

/**
 * What choosing a kind changes, taken from the lawful basis catalogue itself, so the explanation on
 * the organisation page can never disagree with what the wizard offers.
 */
export function organisationKindEffect(kind: OrganisationKind): OrganisationKindEffect {
  const publicAuthority = isPublicAuthority(kind);
  // Provisions not yet in force are offered to nobody: they say nothing about the kind.
  const notOffered = LAWFUL_BASES.filter((basis) => isInForce(basis) && !isAvailableTo(basis, kind)).map((basis) => ({
    label: basis.label,
    reference: basis.reference,
  }));
  const summary = publicAuthority
    ? "Treated as a public authority. Your people share under public task, legal duties and the other bases " +
      "public bodies can use. They are not offered legitimate interests, which public authorities cannot rely " +
      "on for their tasks."
    : "Treated as a private or voluntary body, not a public authority. Your people are also offered legitimate " +
      "interests, which public authorities cannot use for their tasks.";
  return { publicAuthority, summary, notOffered };
}

/** How team names compare: the same key means the same name (the database computes it the same way). */
export function teamNameKey(name: string): string {
  return name.trim().toLowerCase();
}

/** Two spaces or more, tabs and new lines become one space: a team name is one line of text. */
export function tidyTeamName(name: string): string {
  return name.replace(/\s+/g, " ").trim();
}

export interface AdminSeat {
  userId: string;
  role: Role;
  active: boolean;
}

/**
 * Whether a change to one person would leave the organisation with no active admin: nobody could
 * then manage its people, teams or settings. `after` is the person as the change would leave them.
 */
export function leavesNoActiveAdmin(people: readonly AdminSeat[], after: AdminSeat): boolean {
  const activeAdmins = people
    .map((person) => (person.userId === after.userId ? after : person))
    .filter((person) => person.role === "ADMIN" && person.active);
  return activeAdmins.length === 0;
}

export const LAST_ADMIN_MESSAGE =
  "You are the only active admin. Give someone else the admin role before you deactivate yourself or change " +
  "your own role, so that somebody can still manage your organisation.";
