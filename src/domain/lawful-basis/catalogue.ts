import { SOURCES } from "../guidance";
import { PUBLIC_AUTHORITY_KINDS, type OrganisationKind } from "./organisation";

export const LAWFUL_BASIS_GROUPS = [
  "UK_GDPR_ARTICLE_6",
  "UK_GDPR_ARTICLE_9",
  "DPA_2018_SCHEDULE_1",
  "DPA_2018_SCHEDULE_8",
  "COMMON_LAW",
  "STATUTORY_GATEWAY",
] as const;

export type LawfulBasisGroup = (typeof LAWFUL_BASIS_GROUPS)[number];

export const ARTICLE_6_IDS = ["art6-1-a", "art6-1-c", "art6-1-d", "art6-1-e", "art6-1-f"] as const;
export const ARTICLE_9_IDS = [
  "art9-2-a",
  "art9-2-b",
  "art9-2-c",
  "art9-2-d",
  "art9-2-e",
  "art9-2-f",
  "art9-2-g",
  "art9-2-h",
  "art9-2-i",
  "art9-2-j",
] as const;
export const SCHEDULE_1_IDS = [
  "dpa-sch1-para-1",
  "dpa-sch1-para-2",
  "dpa-sch1-para-3",
  "dpa-sch1-para-4",
  "dpa-sch1-para-6",
  "dpa-sch1-para-10",
  "dpa-sch1-para-18",
] as const;
export const SCHEDULE_8_IDS = ["dpa-sch8-para-1", "dpa-sch8-para-3", "dpa-sch8-para-4"] as const;
export const COMMON_LAW_IDS = [
  "common-law-consent",
  "common-law-public-interest",
  "common-law-legal-requirement",
] as const;
export const STATUTORY_GATEWAY_IDS = [
  "ca1989-s17",
  "ca1989-s47",
  "ca2004-s10",
  "ca2004-s11",
  "cda1998-s115",
  "court-order",
] as const;

export type Article6Id = (typeof ARTICLE_6_IDS)[number];
export type Article9Id = (typeof ARTICLE_9_IDS)[number];
export type Schedule1Id = (typeof SCHEDULE_1_IDS)[number];
export type Schedule8Id = (typeof SCHEDULE_8_IDS)[number];
export type CommonLawId = (typeof COMMON_LAW_IDS)[number];
export type StatutoryGatewayId = (typeof STATUTORY_GATEWAY_IDS)[number];
export type LawfulBasisId =
  | Article6Id
  | Article9Id
  | Schedule1Id
  | Schedule8Id
  | CommonLawId
  | StatutoryGatewayId;

export interface LawfulBasis {
  id: LawfulBasisId;
  group: LawfulBasisGroup;
  /** The legal reference, e.g. "UK GDPR Article 6(1)(e)". */
  reference: string;
  label: string;
  help: string;
  source: string;
  /** Only valid when the person has actually given consent. */
  reliesOnConsent?: true;
  /** Public authorities cannot use it for their public tasks (UK GDPR Art 6(1), final paragraph). */
  notForPublicAuthorityTasks?: true;
  /** Offered only to these kinds of organisation. */
  onlyFor?: readonly OrganisationKind[];
  /** Article 9 conditions that only work with a matching Schedule 1 condition (DPA 2018 s.10). */
  needsSchedule1?: true;
  /** For Schedule 1 conditions: the Article 9 condition each one completes. */
  completesArticle9?: Article9Id;
}

const BERKSHIRE_APPENDIX_B = SOURCES.berkshire("Appendix B para 1.4");

const article6: LawfulBasis[] = [
  {
    id: "art6-1-a",
    group: "UK_GDPR_ARTICLE_6",
    reference: "UK GDPR Article 6(1)(a)",
    label: "Consent",
    help: "The person has freely agreed to this sharing. Use it only if they had a real choice and could have said no. If you would share anyway, consent is the wrong basis.",
    source: `UK GDPR Art 6(1)(a); ${SOURCES.dfe2024Rule(3)}; ${SOURCES.berkshire("s.4")}`,
    reliesOnConsent: true,
  },
  {
    id: "art6-1-c",
    group: "UK_GDPR_ARTICLE_6",
    reference: "UK GDPR Article 6(1)(c)",
    label: "Legal obligation",
    help: "A law, or a court order, requires you to share this information.",
    source: `UK GDPR Art 6(1)(c); ${SOURCES.berkshire("s.5.2")}`,
  },
  {
    id: "art6-1-d",
    group: "UK_GDPR_ARTICLE_6",
    reference: "UK GDPR Article 6(1)(d)",
    label: "Vital interests",
    help: "Sharing is needed to protect someone's life, for example in an emergency where there is no time to do anything else.",
    source: `UK GDPR Art 6(1)(d); ${SOURCES.berkshire("Appendix B para 1.4.2")}`,
  },
  {
    id: "art6-1-e",
    group: "UK_GDPR_ARTICLE_6",
    reference: "UK GDPR Article 6(1)(e)",
    label: "Public task",
    help: "Sharing is needed to carry out your organisation's official functions or tasks set out in law, such as safeguarding duties. Most public bodies use this basis for safeguarding.",
    source: `UK GDPR Art 6(1)(e); ${SOURCES.berkshire("s.5")}`,
  },
  {
    id: "art6-1-f",
    group: "UK_GDPR_ARTICLE_6",
    reference: "UK GDPR Article 6(1)(f)",
    label: "Legitimate interests",
    help: "Sharing is needed for a genuine interest of your organisation or someone else, and that interest is not outweighed by the person's rights. Not for public authorities performing their tasks: councils, maintained schools and academies, the NHS and the police should use public task instead.",
    source: "UK GDPR Art 6(1)(f) and the final paragraph of Art 6(1)",
    notForPublicAuthorityTasks: true,
  },
];

const article9: LawfulBasis[] = [
  {
    id: "art9-2-a",
    group: "UK_GDPR_ARTICLE_9",
    reference: "UK GDPR Article 9(2)(a)",
    label: "Explicit consent",
    help: "The person has clearly agreed, usually in writing, to this specific sharing of sensitive information. It may not be right to ask if sharing is needed to prevent harm.",
    source: `UK GDPR Art 9(2)(a); ${BERKSHIRE_APPENDIX_B}`,
    reliesOnConsent: true,
  },
  {
    id: "art9-2-b",
    group: "UK_GDPR_ARTICLE_9",
    reference: "UK GDPR Article 9(2)(b)",
    label: "Employment, social security and social protection",
    help: "Needed to meet obligations or use rights in employment, social security or social protection law, which includes social care duties. Also needs Schedule 1 paragraph 1.",
    source: `UK GDPR Art 9(2)(b); ${BERKSHIRE_APPENDIX_B}`,
    needsSchedule1: true,
  },
  {
    id: "art9-2-c",
    group: "UK_GDPR_ARTICLE_9",
    reference: "UK GDPR Article 9(2)(c)",
    label: "Vital interests",
    help: "Needed to protect someone's life when the person cannot give consent, physically or legally.",
    source: `UK GDPR Art 9(2)(c); ${BERKSHIRE_APPENDIX_B}`,
  },
  {
    id: "art9-2-d",
    group: "UK_GDPR_ARTICLE_9",
    reference: "UK GDPR Article 9(2)(d)",
    label: "Not-for-profit bodies",
    help: "A charity or other not-for-profit body with a political, religious, philosophical or trade union aim, handling its members' information. It does not cover sharing outside the body without consent, so it rarely applies to safeguarding.",
    source: `UK GDPR Art 9(2)(d); ${BERKSHIRE_APPENDIX_B}`,
  },
  {
    id: "art9-2-e",
    group: "UK_GDPR_ARTICLE_9",
    reference: "UK GDPR Article 9(2)(e)",
    label: "Made public by the person",
    help: "The person has clearly and deliberately made this information public themselves.",
    source: `UK GDPR Art 9(2)(e); ${BERKSHIRE_APPENDIX_B}`,
  },
  {
    id: "art9-2-f",
    group: "UK_GDPR_ARTICLE_9",
    reference: "UK GDPR Article 9(2)(f)",
    label: "Legal claims or courts",
    help: "Needed to bring or defend a legal claim, or for a court acting as a court.",
    source: `UK GDPR Art 9(2)(f); ${BERKSHIRE_APPENDIX_B}`,
  },
  {
    id: "art9-2-g",
    group: "UK_GDPR_ARTICLE_9",
    reference: "UK GDPR Article 9(2)(g)",
    label: "Substantial public interest",
    help: "Needed for reasons of substantial public interest set out in law. Safeguarding children usually falls here. Also needs a Schedule 1 Part 2 condition, such as paragraph 18 (safeguarding of children and individuals at risk).",
    source: `UK GDPR Art 9(2)(g); ${BERKSHIRE_APPENDIX_B}`,
    needsSchedule1: true,
  },
  {
    id: "art9-2-h",
    group: "UK_GDPR_ARTICLE_9",
    reference: "UK GDPR Article 9(2)(h)",
    label: "Health or social care",
    help: "Needed for health or social care, such as diagnosis, treatment or managing care services, by or under the responsibility of a professional with a duty of confidentiality. Also needs Schedule 1 paragraph 2.",
    source: `UK GDPR Art 9(2)(h); ${BERKSHIRE_APPENDIX_B}`,
    needsSchedule1: true,
  },
  {
    id: "art9-2-i",
    group: "UK_GDPR_ARTICLE_9",
    reference: "UK GDPR Article 9(2)(i)",
    label: "Public health",
    help: "Needed for public health, such as protecting against serious threats to health. Also needs Schedule 1 paragraph 3.",
    source: `UK GDPR Art 9(2)(i); ${BERKSHIRE_APPENDIX_B}`,
    needsSchedule1: true,
  },
  {
    id: "art9-2-j",
    group: "UK_GDPR_ARTICLE_9",
    reference: "UK GDPR Article 9(2)(j)",
    label: "Archiving, research and statistics",
    help: "Needed for archiving in the public interest, research or statistics, with safeguards. Rarely relevant to a decision about one child. Also needs Schedule 1 paragraph 4.",
    source: `UK GDPR Art 9(2)(j); ${BERKSHIRE_APPENDIX_B}`,
    needsSchedule1: true,
  },
];

const SCHEDULE_1_POLICY_NOTE =
  "Your organisation must have an appropriate policy document for this condition.";

const schedule1: LawfulBasis[] = [
  {
    id: "dpa-sch1-para-1",
    group: "DPA_2018_SCHEDULE_1",
    reference: "Data Protection Act 2018, Schedule 1 Part 1 paragraph 1",
    label: "Employment, social security and social protection",
    help: `Completes Article 9(2)(b): needed to meet a legal obligation or use a legal right in employment, social security or social protection. ${SCHEDULE_1_POLICY_NOTE}`,
    source: "Data Protection Act 2018, Sch 1 Part 1 para 1",
    completesArticle9: "art9-2-b",
  },
  {
    id: "dpa-sch1-para-2",
    group: "DPA_2018_SCHEDULE_1",
    reference: "Data Protection Act 2018, Schedule 1 Part 1 paragraph 2",
    label: "Health or social care purposes",
    help: "Completes Article 9(2)(h): needed for health or social care purposes.",
    source: "Data Protection Act 2018, Sch 1 Part 1 para 2",
    completesArticle9: "art9-2-h",
  },
  {
    id: "dpa-sch1-para-3",
    group: "DPA_2018_SCHEDULE_1",
    reference: "Data Protection Act 2018, Schedule 1 Part 1 paragraph 3",
    label: "Public health",
    help: "Completes Article 9(2)(i): needed for public health, by or under the responsibility of a health professional or someone with a duty of confidentiality.",
    source: "Data Protection Act 2018, Sch 1 Part 1 para 3",
    completesArticle9: "art9-2-i",
  },
  {
    id: "dpa-sch1-para-4",
    group: "DPA_2018_SCHEDULE_1",
    reference: "Data Protection Act 2018, Schedule 1 Part 1 paragraph 4",
    label: "Research, archiving and statistics",
    help: "Completes Article 9(2)(j): needed for archiving, research or statistics in the public interest, with safeguards.",
    source: "Data Protection Act 2018, Sch 1 Part 1 para 4",
    completesArticle9: "art9-2-j",
  },
  {
    id: "dpa-sch1-para-6",
    group: "DPA_2018_SCHEDULE_1",
    reference: "Data Protection Act 2018, Schedule 1 Part 2 paragraph 6",
    label: "Statutory and government purposes",
    help: `Completes Article 9(2)(g): needed to carry out a function given to your organisation by law, and in the substantial public interest. ${SCHEDULE_1_POLICY_NOTE}`,
    source: `Data Protection Act 2018, Sch 1 Part 2 para 6; ${SOURCES.berkshire("s.5")}`,
    completesArticle9: "art9-2-g",
  },
  {
    id: "dpa-sch1-para-10",
    group: "DPA_2018_SCHEDULE_1",
    reference: "Data Protection Act 2018, Schedule 1 Part 2 paragraph 10",
    label: "Preventing or detecting unlawful acts",
    help: `Completes Article 9(2)(g): needed to prevent or detect a crime or other unlawful act, where asking for consent would prejudice that, and in the substantial public interest. ${SCHEDULE_1_POLICY_NOTE}`,
    source: "Data Protection Act 2018, Sch 1 Part 2 para 10",
    completesArticle9: "art9-2-g",
  },
  {
    id: "dpa-sch1-para-18",
    group: "DPA_2018_SCHEDULE_1",
    reference: "Data Protection Act 2018, Schedule 1 Part 2 paragraph 18",
    label: "Safeguarding of children and individuals at risk",
    help: `Completes Article 9(2)(g): needed to protect a child under 18, or an adult at risk, from neglect or physical, mental or emotional harm, or to protect their well-being. It is in the substantial public interest and lets you share without consent when consent cannot be given, you cannot reasonably be expected to get it, or asking would put the protection at risk. ${SCHEDULE_1_POLICY_NOTE}`,
    source: `Data Protection Act 2018, Sch 1 Part 2 para 18; ${SOURCES.dudley("s.3 and s.4")}`,
    completesArticle9: "art9-2-g",
  },
];

const POLICE_ONLY: readonly OrganisationKind[] = ["POLICE"];
const SCHEDULE_8_SOURCE = `Data Protection Act 2018, s.35(5) and Schedule 8; ${SOURCES.dudley("s.4")}`;

const schedule8: LawfulBasis[] = [
  {
    id: "dpa-sch8-para-1",
    group: "DPA_2018_SCHEDULE_8",
    reference: "Data Protection Act 2018, Schedule 8 paragraph 1",
    label: "Statutory purposes (law enforcement)",
    help: "For police processing for law enforcement purposes: sensitive information needed to carry out a function given by law, in the substantial public interest.",
    source: SCHEDULE_8_SOURCE,
    onlyFor: POLICE_ONLY,
  },
  {
    id: "dpa-sch8-para-3",
    group: "DPA_2018_SCHEDULE_8",
    reference: "Data Protection Act 2018, Schedule 8 paragraph 3",
    label: "Protecting someone's vital interests (law enforcement)",
    help: "For police processing for law enforcement purposes: needed to protect someone's life.",
    source: SCHEDULE_8_SOURCE,
    onlyFor: POLICE_ONLY,
  },
  {
    id: "dpa-sch8-para-4",
    group: "DPA_2018_SCHEDULE_8",
    reference: "Data Protection Act 2018, Schedule 8 paragraph 4",
    label: "Safeguarding of children and individuals at risk (law enforcement)",
    help: "For police processing for law enforcement purposes: needed to protect a child under 18, or an adult at risk, from neglect or harm, or to protect their well-being.",
    source: SCHEDULE_8_SOURCE,
    onlyFor: POLICE_ONLY,
  },
];

const COMMON_LAW_SOURCE = `${SOURCES.hmg2018Flowchart}; ${SOURCES.preSchool}`;

const commonLaw: LawfulBasis[] = [
  {
    id: "common-law-consent",
    group: "COMMON_LAW",
    reference: "Common-law duty of confidence: consent",
    label: "The person agreed",
    help: "The person the confidential information is about agreed that you could share it.",
    source: COMMON_LAW_SOURCE,
    reliesOnConsent: true,
  },
  {
    id: "common-law-public-interest",
    group: "COMMON_LAW",
    reference: "Common-law duty of confidence: overriding public interest",
    label: "Public interest outweighs confidentiality",
    help: "Protecting someone matters more than keeping the information confidential. Where a child is at risk of significant harm, it always does.",
    source: `${COMMON_LAW_SOURCE}; ${SOURCES.dfe2024Rule(1)}`,
  },
  {
    id: "common-law-legal-requirement",
    group: "COMMON_LAW",
    reference: "Common-law duty of confidence: legal requirement",
    label: "The law requires it",
    help: "A law or court order requires you to disclose the information.",
    source: COMMON_LAW_SOURCE,
  },
];

const statutoryGateways: LawfulBasis[] = [
  {
    id: "ca1989-s17",
    group: "STATUTORY_GATEWAY",
    reference: "Children Act 1989, section 17",
    label: "Children in need",
    help: "The local authority's duty to safeguard and promote the welfare of children in need in its area, and to provide services for them.",
    source: "Children Act 1989, s.17",
  },
  {
    id: "ca1989-s47",
    group: "STATUTORY_GATEWAY",
    reference: "Children Act 1989, section 47",
    label: "Child protection enquiries",
    help: "The local authority must make enquiries when it has reasonable cause to suspect a child is suffering, or likely to suffer, significant harm. Other bodies, such as health, education and housing, must help with those enquiries.",
    source: "Children Act 1989, s.47",
  },
  {
    id: "ca2004-s10",
    group: "STATUTORY_GATEWAY",
    reference: "Children Act 2004, section 10",
    label: "Co-operation to improve children's well-being",
    help: "Local authorities and their partners must co-operate to improve the well-being of children in the area.",
    source: "Children Act 2004, s.10",
  },
  {
    id: "ca2004-s11",
    group: "STATUTORY_GATEWAY",
    reference: "Children Act 2004, section 11",
    label: "Duty to safeguard and promote children's welfare",
    help: "Named bodies, including councils, the NHS and the police, must make sure they carry out their functions with regard to the need to safeguard and promote the welfare of children.",
    source: `Children Act 2004, s.11; ${SOURCES.berkshire("s.5.1")}`,
  },
  {
    id: "cda1998-s115",
    group: "STATUTORY_GATEWAY",
    reference: "Crime and Disorder Act 1998, section 115",
    label: "Preventing crime and disorder",
    help: "A power, not a duty: lets anyone share with the police, councils, probation or health bodies when it is needed for the purposes of the Act, such as reducing crime and disorder. You still need a basis under data protection law.",
    source: `Crime and Disorder Act 1998, s.115; ${SOURCES.berkshire("s.5.1")}`,
  },
  {
    id: "court-order",
    group: "STATUTORY_GATEWAY",
    reference: "Court order",
    label: "Court order",
    help: "A court has ordered the information to be disclosed.",
    source: SOURCES.berkshire("s.5.2"),
  },
];

/**
 * Everything the lawful-basis picker offers. The Data (Use and Access) Act 2025 "recognised
 * legitimate interest" is deliberately missing: see docs/decisions/003-wizard-domain-model.md.
 */
export const LAWFUL_BASES: readonly LawfulBasis[] = [
  ...article6,
  ...article9,
  ...schedule1,
  ...schedule8,
  ...commonLaw,
  ...statutoryGateways,
];

export function findLawfulBasis(id: string): LawfulBasis | undefined {
  return LAWFUL_BASES.find((basis) => basis.id === id);
}

export function lawfulBasis(id: LawfulBasisId): LawfulBasis {
  const found = findLawfulBasis(id);
  if (!found) throw new Error(`Unknown lawful basis: ${id}`);
  return found;
}

export function lawfulBasesInGroup(group: LawfulBasisGroup): LawfulBasis[] {
  return LAWFUL_BASES.filter((basis) => basis.group === group);
}

/** Whether an organisation of this kind may rely on a basis; used to filter the picker. */
export function isAvailableTo(basis: LawfulBasis, organisationKind: OrganisationKind): boolean {
  if (basis.onlyFor && !basis.onlyFor.includes(organisationKind)) return false;
  if (basis.notForPublicAuthorityTasks && PUBLIC_AUTHORITY_KINDS.includes(organisationKind)) {
    return false;
  }
  return true;
}

export function availableLawfulBases(organisationKind: OrganisationKind): LawfulBasis[] {
  return LAWFUL_BASES.filter((basis) => isAvailableTo(basis, organisationKind));
}
