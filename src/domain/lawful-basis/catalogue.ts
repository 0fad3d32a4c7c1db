import { SOURCES } from "../guidance";
import { PUBLIC_AUTHORITY_KINDS, type OrganisationKind } from "./organisation";

export const LAWFUL_BASIS_GROUPS = [
  "UK_GDPR_ARTICLE_6",
  "DPA_2018_PART_3",
  "UK_GDPR_ARTICLE_9",
  "DPA_2018_SCHEDULE_1",
  "DPA_2018_SCHEDULE_8",
  "COMMON_LAW",
  "STATUTORY_GATEWAY",
] as const;

export type LawfulBasisGroup = (typeof LAWFUL_BASIS_GROUPS)[number];

/**
 * The main lawful basis: a UK GDPR Article 6 basis, or for police processing for law enforcement
 * purposes DPA 2018 s.35 (Part 3), which takes the place of Article 6.
 */
export const ARTICLE_6_IDS = [
  "art6-1-a",
  "art6-1-c",
  "art6-1-d",
  "art6-1-e",
  "art6-1-ea",
  "art6-1-f",
  "dpa-s35",
] as const;
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
  "ca1989-s27",
  "ca1989-s47",
  "ca2004-s10",
  "ca2004-s11",
  "ca2004-s16h",
  "ca2004-s16la",
  "ca2004-s16lc",
  "care-act-2014-s42",
  "care-act-2014-s45",
  "cda1998-s115",
  "court-order",
] as const;

export type Article6Id = (typeof ARTICLE_6_IDS)[number];
export type Article9Id = (typeof ARTICLE_9_IDS)[number];
export type Schedule1Id = (typeof SCHEDULE_1_IDS)[number];
export type Schedule8Id = (typeof SCHEDULE_8_IDS)[number];
export type CommonLawId = (typeof COMMON_LAW_IDS)[number];
export type StatutoryGatewayId = (typeof STATUTORY_GATEWAY_IDS)[number];
export type LawfulBasisId = Article6Id | Article9Id | Schedule1Id | Schedule8Id | CommonLawId | StatutoryGatewayId;

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
  /** Why it is offered only to those kinds, shown to anyone else who selects it. */
  onlyForReason?: string;
  /** Article 9 conditions that only work with a matching Schedule 1 condition (DPA 2018 s.10). */
  needsSchedule1?: true;
  /** For Schedule 1 conditions: the Article 9 condition each one completes. */
  completesArticle9?: Article9Id;
  /** Whether the provision is in force, as checked against a named source; absent for long-standing law. */
  commencement?: Commencement;
}

export type CommencementStatus = "IN_FORCE" | "NOT_IN_FORCE";

/**
 * A provision's commencement as data: never "in force" without the instrument that says so. A
 * provision that is not in force is listed, so practitioners know it is coming, but not offered.
 */
export interface Commencement {
  status: CommencementStatus;
  /** YYYY-MM-DD the provision came into force, when it has. */
  inForceFrom?: string;
  source: string;
  /** YYYY-MM-DD the status was last checked against the source. */
  checked: string;
}

const BERKSHIRE_APPENDIX_B = SOURCES.berkshire("Appendix B para 1.4");

const article6: LawfulBasis[] = [
  {
    id: "art6-1-a",
    group: "UK_GDPR_ARTICLE_6",
    reference: "UK GDPR Article 6(1)(a)",
    label: "Consent",
    help:
      "The person has freely agreed to this sharing. Use it only if they had a real choice and could have said " +
      "no. If you would share anyway, consent is the wrong basis.",
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
    help:
      "Sharing is needed to protect someone's life, for example in an emergency where there is no time to do " +
      "anything else.",
    source: `UK GDPR Art 6(1)(d); ${SOURCES.berkshire("Appendix B para 1.4.2")}`,
  },
  {
    id: "art6-1-e",
    group: "UK_GDPR_ARTICLE_6",
    reference: "UK GDPR Article 6(1)(e)",
    label: "Public task",
    help:
      "Sharing is needed for a task of your organisation carried out in the public interest or in the exercise " +
      "of official authority, with a basis in law, such as safeguarding duties. Since the Data (Use and Access) Act " +
      "2025 it must be a task of your own organisation, not someone else's. Most public bodies use this basis for " +
      "safeguarding.",
    source:
      `UK GDPR Art 6(1)(e) and Art 6(3), as amended by the Data (Use and Access) Act 2025, s.70(2)(a); ` +
      `${SOURCES.berkshire("s.5")}`,
  },
  {
    id: "art6-1-ea",
    group: "UK_GDPR_ARTICLE_6",
    reference: "UK GDPR Article 6(1)(ea)",
    label: "Recognised legitimate interest: safeguarding",
    help:
      "Sharing is needed to protect a vulnerable person, such as a child or an adult at risk, from neglect or " +
      "harm, or to protect their well-being (a recognised legitimate interest in Annex 1 to UK GDPR). No balancing " +
      "test is needed, but sharing must still be necessary. Not for public authorities performing their tasks: they " +
      "use public task.",
    source: "UK GDPR Art 6(1)(ea) and Annex 1, inserted by the Data (Use and Access) Act 2025, s.70",
    notForPublicAuthorityTasks: true,
    commencement: {
      status: "IN_FORCE",
      inForceFrom: "2026-02-05",
      source:
        "The Data (Use and Access) Act 2025 (Commencement No. 6 and Transitional and Saving Provisions) Regulations " +
        "2026 (SI 2026/82), regulation 2(c)",
      checked: "2026-11-29",
    },
  },
  {
    id: "art6-1-f",
    group: "UK_GDPR_ARTICLE_6",
    reference: "UK GDPR Article 6(1)(f)",
    label: "Legitimate interests",
    help:
      "Sharing is needed for a genuine interest of your organisation or someone else, and that interest is not " +
      "outweighed by the person's rights. Not for public authorities performing their tasks: councils, " +
      "maintained schools and academies, the NHS and the police should use public task instead.",
    source: "UK GDPR Art 6(1)(f) and the final paragraph of Art 6(1)",
    notForPublicAuthorityTasks: true,
  },
  {
    id: "dpa-s35",
    group: "DPA_2018_PART_3",
    reference: "Data Protection Act 2018, section 35 (Part 3, law enforcement processing)",
    label: "Law enforcement processing (police)",
    help:
      "For a competent authority processing for a law enforcement purpose: lawful because it is based on law and " +
      "needed for a task carried out for that purpose. Part 3 replaces UK GDPR here: do not also choose an Article 6 " +
      "basis or an Article 9 condition. Sensitive information also needs a Schedule 8 condition.",
    source: "Data Protection Act 2018, ss.30, 31 and 35, and Schedule 8",
    onlyFor: ["POLICE"],
    onlyForReason:
      "Part 3 of the Data Protection Act 2018 is only for competent authorities, such as the police, processing for " +
      "law enforcement purposes",
  },
];

const article9: LawfulBasis[] = [
  {
    id: "art9-2-a",
    group: "UK_GDPR_ARTICLE_9",
    reference: "UK GDPR Article 9(2)(a)",
    label: "Explicit consent",
    help:
      "The person has clearly agreed, usually in writing, to this specific sharing of sensitive information. " +
      "It may not be right to ask if sharing is needed to prevent harm.",
    source: `UK GDPR Art 9(2)(a); ${BERKSHIRE_APPENDIX_B}`,
    reliesOnConsent: true,
  },
  {
    id: "art9-2-b",
    group: "UK_GDPR_ARTICLE_9",
    reference: "UK GDPR Article 9(2)(b)",
    label: "Employment, social security and social protection",
    help:
      "Needed to meet obligations or use rights in employment, social security or social protection law, which " +
      "includes social care duties. Also needs Schedule 1 paragraph 1.",
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
    help:
      "A charity or other not-for-profit body with a political, religious, philosophical or trade union aim, " +
      "handling its members' information. It does not cover sharing outside the body without consent, so it " +
      "rarely applies to safeguarding.",
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
    help:
      "Needed for reasons of substantial public interest set out in law. Safeguarding children usually falls " +
      "here. Also needs a Schedule 1 Part 2 condition, such as paragraph 18 (safeguarding of children and " +
      "individuals at risk).",
    source: `UK GDPR Art 9(2)(g); ${BERKSHIRE_APPENDIX_B}`,
    needsSchedule1: true,
  },
  {
    id: "art9-2-h",
    group: "UK_GDPR_ARTICLE_9",
    reference: "UK GDPR Article 9(2)(h)",
    label: "Health or social care",
    help:
      "Needed for health or social care, such as diagnosis, treatment or managing care services, by or under " +
      "the responsibility of a professional with a duty of confidentiality. Also needs Schedule 1 paragraph 2.",
    source: `UK GDPR Art 9(2)(h); ${BERKSHIRE_APPENDIX_B}`,
    needsSchedule1: true,
  },
  {
    id: "art9-2-i",
    group: "UK_GDPR_ARTICLE_9",
    reference: "UK GDPR Article 9(2)(i)",
    label: "Public health",
    help:
      "Needed for public health, such as protecting against serious threats to health. Also needs Schedule 1 " +
      "paragraph 3.",
    source: `UK GDPR Art 9(2)(i); ${BERKSHIRE_APPENDIX_B}`,
    needsSchedule1: true,
  },
  {
    id: "art9-2-j",
    group: "UK_GDPR_ARTICLE_9",
    reference: "UK GDPR Article 9(2)(j)",
    label: "Archiving, research and statistics",
    help:
      "Needed for archiving in the public interest, research or statistics, with safeguards. Rarely relevant " +
      "to a decision about one child. Also needs Schedule 1 paragraph 4.",
    source: `UK GDPR Art 9(2)(j); ${BERKSHIRE_APPENDIX_B}`,
    needsSchedule1: true,
  },
];

const SCHEDULE_1_POLICY_NOTE = "Your organisation must have an appropriate policy document for this condition.";
/** Para 10 needs no appropriate policy document when the disclosure is to a competent authority (para 10(3)). */
const SCHEDULE_1_POLICY_NOTE_PARA_10 =
  "Your organisation needs an appropriate policy document for this condition, unless you are disclosing to a " +
  "competent authority such as the police.";

const schedule1: LawfulBasis[] = [
  {
    id: "dpa-sch1-para-1",
    group: "DPA_2018_SCHEDULE_1",
    reference: "Data Protection Act 2018, Schedule 1 Part 1 paragraph 1",
    label: "Employment, social security and social protection",
    help:
      "Completes Article 9(2)(b): needed to meet a legal obligation or use a legal right in employment, social " +
      `security or social protection. ${SCHEDULE_1_POLICY_NOTE}`,
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
    help:
      "Completes Article 9(2)(i): needed for public health, by or under the responsibility of a health " +
      "professional or someone with a duty of confidentiality.",
    source: "Data Protection Act 2018, Sch 1 Part 1 para 3",
    completesArticle9: "art9-2-i",
  },
  {
    id: "dpa-sch1-para-4",
    group: "DPA_2018_SCHEDULE_1",
    reference: "Data Protection Act 2018, Schedule 1 Part 1 paragraph 4",
    label: "Research, archiving and statistics",
    help:
      "Completes Article 9(2)(j): needed for archiving, research or statistics in the public interest, with " +
      "safeguards.",
    source: "Data Protection Act 2018, Sch 1 Part 1 para 4",
    completesArticle9: "art9-2-j",
  },
  {
    id: "dpa-sch1-para-6",
    group: "DPA_2018_SCHEDULE_1",
    reference: "Data Protection Act 2018, Schedule 1 Part 2 paragraph 6",
    label: "Statutory and government purposes",
    help:
      "Completes Article 9(2)(g): needed to carry out a function given to your organisation by law, and in the " +
      `substantial public interest. ${SCHEDULE_1_POLICY_NOTE}`,
    source: `Data Protection Act 2018, Sch 1 Part 2 para 6; ${SOURCES.berkshire("s.5")}`,
    completesArticle9: "art9-2-g",
  },
  {
    id: "dpa-sch1-para-10",
    group: "DPA_2018_SCHEDULE_1",
    reference: "Data Protection Act 2018, Schedule 1 Part 2 paragraph 10",
    label: "Preventing or detecting unlawful acts",
    help:
      `Completes Article 9(2)(g): needed to prevent or detect a crime or other unlawful act, where asking for ` +
      `consent would prejudice that, and in the substantial public interest. ${SCHEDULE_1_POLICY_NOTE_PARA_10}`,
    source: "Data Protection Act 2018, Sch 1 Part 2 para 10",
    completesArticle9: "art9-2-g",
  },
  {
    id: "dpa-sch1-para-18",
    group: "DPA_2018_SCHEDULE_1",
    reference: "Data Protection Act 2018, Schedule 1 Part 2 paragraph 18",
    label: "Safeguarding of children and individuals at risk",
    help:
      "Completes Article 9(2)(g): needed to protect a child under 18, or an adult at risk, from neglect or " +
      "physical, mental or emotional harm, or to protect their well-being. It is in the substantial public " +
      "interest and lets you share without consent when consent cannot be given, you cannot reasonably be " +
      `expected to get it, or asking would put the protection at risk. ${SCHEDULE_1_POLICY_NOTE}`,
    source: `Data Protection Act 2018, Sch 1 Part 2 para 18; ${SOURCES.dudley("s.3 and s.4")}`,
    completesArticle9: "art9-2-g",
  },
];

/**
 * Criminal offence data (allegations, offences, convictions) is not special category data but has
 * its own rule: UK GDPR Art 10 needs a condition in DPA 2018 Schedule 1 (s.10(5)); para 36 lets the
 * Part 2 conditions, such as para 18, serve without their substantial public interest test.
 */
export const CRIMINAL_OFFENCE_DATA_RULE = {
  reference: "UK GDPR Article 10; Data Protection Act 2018, s.10(5) and Schedule 1 Part 3 paragraph 36",
  help:
    "Information about allegations, offences or convictions, including about someone who may pose a risk to " +
    "a child, needs a Schedule 1 condition. Part 2 conditions such as paragraph 18 apply without the " +
    "substantial public interest test (paragraph 36).",
  source: "UK GDPR Art 10; Data Protection Act 2018, s.10(5) and Sch 1 paras 36 and 18",
} as const;

const POLICE_ONLY: readonly OrganisationKind[] = ["POLICE"];
const POLICE_ONLY_REASON =
  "Schedule 8 conditions are only for competent authorities, such as the police, processing for law enforcement " +
  "purposes under Part 3 of the Data Protection Act 2018";
const SCHEDULE_8_SOURCE = `Data Protection Act 2018, s.35(5) and Schedule 8; ${SOURCES.dudley("s.4")}`;

const schedule8: LawfulBasis[] = [
  {
    id: "dpa-sch8-para-1",
    group: "DPA_2018_SCHEDULE_8",
    reference: "Data Protection Act 2018, Schedule 8 paragraph 1",
    label: "Statutory purposes (law enforcement)",
    help:
      "For any competent authority, such as the police, processing for law enforcement purposes: sensitive " +
      "information needed to carry out a function given by law, in the substantial public interest.",
    source: SCHEDULE_8_SOURCE,
    onlyFor: POLICE_ONLY,
    onlyForReason: POLICE_ONLY_REASON,
  },
  {
    id: "dpa-sch8-para-3",
    group: "DPA_2018_SCHEDULE_8",
    reference: "Data Protection Act 2018, Schedule 8 paragraph 3",
    label: "Protecting someone's vital interests (law enforcement)",
    help:
      "For a competent authority, such as the police, processing for law enforcement purposes: needed to protect " +
      "someone's life.",
    source: SCHEDULE_8_SOURCE,
    onlyFor: POLICE_ONLY,
    onlyForReason: POLICE_ONLY_REASON,
  },
  {
    id: "dpa-sch8-para-4",
    group: "DPA_2018_SCHEDULE_8",
    reference: "Data Protection Act 2018, Schedule 8 paragraph 4",
    label: "Safeguarding of children and individuals at risk (law enforcement)",
    help:
      "For a competent authority, such as the police, processing for law enforcement purposes: needed to protect " +
      "a child under 18, or an adult at risk, from neglect or harm, or to protect their well-being.",
    source: SCHEDULE_8_SOURCE,
    onlyFor: POLICE_ONLY,
    onlyForReason: POLICE_ONLY_REASON,
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
    help:
      "Protecting someone matters more than keeping the information confidential. Where a child is at risk of " +
      "significant harm, the public interest in protecting them will usually outweigh confidentiality, but weigh it " +
      "each time.",
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

/** Children's Wellbeing and Schools Act 2026, s.4: enacted 29 April 2026; commencement by regulations. */
const COMMENCEMENT_CWSA_S4: Commencement = {
  status: "NOT_IN_FORCE",
  source:
    "legislation.gov.uk, Children Act 2004 s.16LC: listed among 'whole provisions yet to be inserted' into the Act " +
    "(revised text up to date to 30 May 2026); no commencement regulations for the Children's Wellbeing and " +
    "Schools Act 2026, s.4 found",
  checked: "2026-11-29",
};

const statutoryGateways: LawfulBasis[] = [
  {
    id: "ca1989-s17",
    group: "STATUTORY_GATEWAY",
    reference: "Children Act 1989, section 17",
    label: "Children in need",
    help:
      "The local authority's duty to safeguard and promote the welfare of children in need in its area, and to " +
      "provide services for them.",
    source: "Children Act 1989, s.17",
  },
  {
    id: "ca1989-s27",
    group: "STATUTORY_GATEWAY",
    reference: "Children Act 1989, section 27",
    label: "Co-operation with a local authority's request for help",
    help:
      "A local authority can ask another local authority, a housing authority or a health body to help it with " +
      "its functions for children (such as children in need under s.17). The authority asked must help if that is " +
      "compatible with its own duties and does not unduly prejudice its functions.",
    source: "Children Act 1989, s.27",
  },
  {
    id: "ca1989-s47",
    group: "STATUTORY_GATEWAY",
    reference: "Children Act 1989, section 47",
    label: "Child protection enquiries",
    help:
      "The local authority must make enquiries when it has reasonable cause to suspect a child is suffering, or " +
      "likely to suffer, significant harm. The authorities named in s.47(11), such as other local authorities, " +
      "education and housing authorities and health bodies, must help with those enquiries when asked (s.47(9) and " +
      "(10)).",
    source: "Children Act 1989, s.47(1), (9) to (11)",
    onlyFor: ["LOCAL_AUTHORITY", "SCHOOL", "HEALTH"],
    onlyForReason:
      "Section 47 binds the local authority, and the authorities named in s.47(11) when asked to help; a voluntary " +
      "organisation, an early years setting or the police can share with the enquiry under another basis",
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
    help:
      "Named bodies, including councils, the NHS and the police, must make sure they carry out their functions " +
      "with regard to the need to safeguard and promote the welfare of children.",
    source: `Children Act 2004, s.11; ${SOURCES.berkshire("s.5.1")}`,
  },
  {
    id: "ca2004-s16h",
    group: "STATUTORY_GATEWAY",
    reference: "Children Act 2004, section 16H",
    label: "Information requested by the safeguarding partners",
    help:
      "The safeguarding partners (local authority, integrated care board and chief officer of police) can ask " +
      "anyone to supply information to help them, or a relevant agency, carry out their safeguarding arrangements. " +
      "The person asked must comply.",
    source: "Children Act 2004, s.16H (inserted by the Children and Social Work Act 2017, s.16)",
  },
  {
    id: "ca2004-s16la",
    group: "STATUTORY_GATEWAY",
    reference: "Children Act 2004, section 16LA",
    label: "Duty to share information for safeguarding and welfare",
    help:
      "Bodies named in s.11(1), designated childcare and education agencies, and those providing services for " +
      "them, must share information relevant to safeguarding or promoting a child's welfare with one another when it " +
      "may help the recipient's functions, unless sharing would be more detrimental to the child than not sharing. " +
      "Not yet in force: it cannot be relied on until it is.",
    source: "Children Act 2004, s.16LA, inserted by the Children's Wellbeing and Schools Act 2026, s.4",
    commencement: COMMENCEMENT_CWSA_S4,
  },
  {
    id: "ca2004-s16lc",
    group: "STATUTORY_GATEWAY",
    reference: "Children Act 2004, section 16LC",
    label: "Consistent child identifier",
    help:
      "Regulations may specify a consistent identifier for children and require designated persons to include it " +
      "when they process information about a child; disclosing it under the regulations does not breach confidence. " +
      "Not yet in force, and no identifier has been specified.",
    source: "Children Act 2004, s.16LC, inserted by the Children's Wellbeing and Schools Act 2026, s.4",
    commencement: COMMENCEMENT_CWSA_S4,
  },
  {
    id: "care-act-2014-s42",
    group: "STATUTORY_GATEWAY",
    reference: "Care Act 2014, section 42",
    label: "Safeguarding enquiry for an adult at risk",
    help:
      "The local authority must make, or cause others to make, enquiries when it has reasonable cause to suspect " +
      "that an adult with care and support needs is experiencing or at risk of abuse or neglect and, because of " +
      "those needs, cannot protect themselves.",
    source: "Care Act 2014, s.42; Care and support statutory guidance, chapter 14",
  },
  {
    id: "care-act-2014-s45",
    group: "STATUTORY_GATEWAY",
    reference: "Care Act 2014, section 45",
    label: "Information requested by a Safeguarding Adults Board",
    help:
      "A Safeguarding Adults Board can ask a person to supply information to help it do its work; the person " +
      "must comply if the conditions in s.45 are met.",
    source: "Care Act 2014, s.45",
  },
  {
    id: "cda1998-s115",
    group: "STATUTORY_GATEWAY",
    reference: "Crime and Disorder Act 1998, section 115",
    label: "Preventing crime and disorder",
    help:
      "A power, not a duty: lets anyone share with the police, councils, probation or health bodies when it is " +
      "needed for the purposes of the Act, such as reducing crime and disorder. It does not override the duty of " +
      "confidence: you still need a justification for that, and a basis under data protection law.",
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
  if (!isInForce(basis)) return false;
  if (basis.onlyFor && !basis.onlyFor.includes(organisationKind)) return false;
  if (basis.notForPublicAuthorityTasks && PUBLIC_AUTHORITY_KINDS.includes(organisationKind)) {
    return false;
  }
  return true;
}

/** Long-standing law has no commencement entry; anything newer is in force only with a source saying so. */
export function isInForce(basis: LawfulBasis): boolean {
  return basis.commencement === undefined || basis.commencement.status === "IN_FORCE";
}

/** Why an organisation of this kind cannot rely on a basis, or undefined when it can. */
export function unavailableReason(basis: LawfulBasis, organisationKind: OrganisationKind): string | undefined {
  if (!isInForce(basis)) return `${basis.reference} is not yet in force, so it cannot be relied on`;
  if (basis.onlyFor && !basis.onlyFor.includes(organisationKind)) {
    return (
      `${basis.reference} is not open to your organisation: ` +
      `${basis.onlyForReason ?? "it is only for some kinds of organisation"}`
    );
  }
  if (basis.notForPublicAuthorityTasks && PUBLIC_AUTHORITY_KINDS.includes(organisationKind)) {
    const kind = basis.id === "art6-1-ea" ? "recognised legitimate interests" : "legitimate interests";
    return `Public authorities cannot rely on ${kind} for their tasks. Select public task or another basis`;
  }
  return undefined;
}

export function availableLawfulBases(organisationKind: OrganisationKind): LawfulBasis[] {
  return LAWFUL_BASES.filter((basis) => isAvailableTo(basis, organisationKind));
}
