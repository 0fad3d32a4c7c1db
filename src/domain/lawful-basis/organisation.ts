export const ORGANISATION_KINDS = [
  "LOCAL_AUTHORITY",
  "SCHOOL",
  "HEALTH",
  "POLICE",
  "EARLY_YEARS",
  "VOLUNTARY",
] as const;

export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/**
 * Kinds treated as public authorities doing their public tasks, who cannot rely on legitimate
 * interests. Early years settings and voluntary organisations are usually private bodies; an
 * independent school or private health provider that is not a public authority should be set up
 * under the nearest private kind.
 */
export const PUBLIC_AUTHORITY_KINDS: readonly OrganisationKind[] = ["LOCAL_AUTHORITY", "SCHOOL", "HEALTH", "POLICE"];

export function isPublicAuthority(kind: OrganisationKind): boolean {
  return PUBLIC_AUTHORITY_KINDS.includes(kind);
}

export function isOrganisationKind(value: string): value is OrganisationKind {
  return (ORGANISATION_KINDS as readonly string[]).includes(value);
}
