export {
  ORGANISATION_KINDS,
  PUBLIC_AUTHORITY_KINDS,
  isOrganisationKind,
  isPublicAuthority,
  type OrganisationKind,
} from "./organisation";
// The whole catalogue (ids, groups, bases and their look-ups) is public.
export * from "./catalogue";
export {
  OTHER_LAWFUL_REASON_KINDS,
  selectedLawfulBasisIds,
  validateLawfulBases,
  type LawfulBasisContext,
  type LawfulBasisField,
  type LawfulBasisProblem,
  type LawfulBasisProblemCode,
  type LawfulBasisSelection,
  type OtherLawfulReasonKind,
} from "./validate";
