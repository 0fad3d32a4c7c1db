/**
 * Citation strings shown next to guidance, so every piece of advice on screen names where it
 * comes from. National documents are cited by their titles; the local protocols are cited as
 * examples of local arrangements, never as national rules.
 */
const DFE_2024_TITLE =
  "Information sharing: advice for practitioners providing safeguarding services for children, " +
  "young people, parents and carers (HM Government, May 2024)";
const HMG_2018_TITLE =
  "Information sharing: advice for practitioners providing safeguarding services to children, " +
  "young people, parents and carers (HM Government, July 2018)";
const LOCAL_EXAMPLE = "an example of local arrangements";

export const SOURCES = {
  dfe2024: DFE_2024_TITLE,
  dfe2024Rule: (ruleNumber: number) => `${DFE_2024_TITLE}, golden rule ${ruleNumber}`,
  hmg2018Flowchart: `${HMG_2018_TITLE}, flowchart of when and how to share`,
  dudley: (section: string) =>
    `Dudley Children's Services, Key principles of information sharing when safeguarding children, ${section} ` +
    `(${LOCAL_EXAMPLE})`,
  croydon: `Croydon, The seven golden rules to sharing information (${LOCAL_EXAMPLE})`,
  preSchool: `A pre-school's confidentiality and information sharing policy (${LOCAL_EXAMPLE})`,
  berkshire: (section: string) => `Berkshire multi-agency information sharing protocol, ${section} (${LOCAL_EXAMPLE})`,
} as const;

export type GuidanceSourceKind =
  | "NATIONAL_GUIDANCE"
  | "LEGISLATION"
  | "REGULATOR_GUIDANCE"
  | "LOCAL_EXAMPLE"
  // Retention schedules and records management codes (decision 024).
  | "RECORDS_MANAGEMENT"
  // Judgments the guidance relies on (Gillick, decision 023).
  | "CASE_LAW";

/** One document the guidance draws on, as the sources page lists it. */
export interface GuidanceSource {
  id: string;
  title: string;
  /** Who issued it. */
  by: string;
  /** When it was published, enacted or last updated, in words ("May 2024"); "Undated" when the copy is. */
  date: string;
  kind: GuidanceSourceKind;
  /** What InfoShare takes from it. */
  usedFor: string;
}

/** Every source the guidance, the flowchart and the lawful-basis catalogue cite. */
export const GUIDANCE_SOURCES: readonly GuidanceSource[] = [
  {
    id: "hmg-2024-information-sharing",
    title:
      "Information sharing: advice for practitioners providing safeguarding services for children, young " +
      "people, parents and carers",
    by: "HM Government (Department for Education)",
    date: "May 2024",
    kind: "NATIONAL_GUIDANCE",
    usedFor: "The seven golden rules, consent, and the lawful bases for sharing",
  },
  {
    id: "hmg-2018-information-sharing",
    title:
      "Information sharing: advice for practitioners providing safeguarding services to children, young " +
      "people, parents and carers",
    by: "HM Government",
    date: "July 2018",
    kind: "NATIONAL_GUIDANCE",
    usedFor: "The flowchart of when and how to share, which the wizard's questions follow",
  },
  // Decision 023: cited by the notes beside the emergency, child's views and significant-harm questions.
  {
    id: "working-together-2023",
    title:
      "Working Together to Safeguard Children 2023: a guide to multi-agency working to help, protect and " +
      "promote the welfare of children",
    by: "HM Government (Department for Education)",
    date: "December 2023",
    kind: "NATIONAL_GUIDANCE",
    usedFor: "Acting at once in an emergency, the child-centred approach, the significant harm threshold",
  },
  // Decision 023: cited beside the request, identifiable, about-the-information and sharing-method questions.
  {
    id: "ico-data-sharing-code",
    title: "Data sharing: a code of practice",
    by: "Information Commissioner's Office (a statutory code under the Data Protection Act 2018, s.121)",
    date: "In force 5 October 2021",
    kind: "REGULATOR_GUIDANCE",
    usedFor: "Checking who is asking, data that identifies no one, another agency's information, sharing securely",
  },
  {
    id: "uk-gdpr",
    title: "UK General Data Protection Regulation, Articles 6, 9 and 10 and Annex 1",
    by: "legislation.gov.uk (as amended by the Data (Use and Access) Act 2025)",
    date: "Revised text, checked November 2026",
    kind: "LEGISLATION",
    usedFor: "Lawful bases, special category and criminal offence data, recognised legitimate interests",
  },
  {
    id: "dpa-2018",
    title: "Data Protection Act 2018, s.10, s.35, Schedule 1 (including paragraphs 18 and 36) and Schedule 8",
    by: "legislation.gov.uk",
    date: "Revised text, checked November 2026",
    kind: "LEGISLATION",
    usedFor: "Schedule 1 conditions, law enforcement processing by competent authorities",
  },
  {
    id: "duaa-2025",
    title:
      "Data (Use and Access) Act 2025, s.70, and the Data (Use and Access) Act 2025 (Commencement No. 6 and " +
      "Transitional and Saving Provisions) Regulations 2026 (SI 2026/82)",
    by: "legislation.gov.uk",
    date: "Royal Assent 19 June 2025; s.70 in force 5 February 2026",
    kind: "LEGISLATION",
    usedFor: "Article 6(1)(ea) recognised legitimate interests and the narrowed Article 6(1)(e)",
  },
  {
    id: "children-act-1989",
    title: "Children Act 1989, ss.17, 27, 31 and 47",
    by: "legislation.gov.uk",
    date: "Revised text, checked November 2026",
    kind: "LEGISLATION",
    usedFor: "Children in need, co-operation between authorities, significant harm, child protection enquiries",
  },
  {
    id: "children-act-2004",
    title: "Children Act 2004, ss.10, 11, 16H, 16LA and 16LC",
    by: "legislation.gov.uk",
    date: "Revised text up to date to 30 May 2026",
    kind: "LEGISLATION",
    usedFor: "Co-operation, the duty to safeguard, safeguarding partners' information requests",
  },
  {
    id: "cwsa-2026",
    title: "Children's Wellbeing and Schools Act 2026, s.4",
    by: "legislation.gov.uk",
    date: "Enacted 29 April 2026; s.4 not yet in force",
    kind: "LEGISLATION",
    usedFor: "The coming duty to share (CA 2004 s.16LA) and consistent child identifier (s.16LC)",
  },
  {
    id: "care-act-2014",
    title: "Care Act 2014, ss.42 and 45, and the Care and support statutory guidance, chapter 14",
    by: "legislation.gov.uk; Department of Health and Social Care",
    date: "Revised text, checked November 2026",
    kind: "LEGISLATION",
    usedFor: "Adults at risk: safeguarding enquiries and Safeguarding Adults Board requests",
  },
  {
    id: "mca-2005",
    title: "Mental Capacity Act 2005, ss.1 to 4",
    by: "legislation.gov.uk",
    date: "Revised text, checked November 2026",
    kind: "LEGISLATION",
    usedFor: "Presuming capacity, and best interests when an adult lacks it",
  },
  {
    id: "hra-1998",
    title: "Human Rights Act 1998, Schedule 1, Article 8",
    by: "legislation.gov.uk",
    date: "Revised text, checked November 2026",
    kind: "LEGISLATION",
    usedFor: "Public authorities: sharing must be a proportionate interference with private and family life",
  },
  {
    id: "cda-1998",
    title: "Crime and Disorder Act 1998, s.115",
    by: "legislation.gov.uk",
    date: "Revised text, checked November 2026",
    kind: "LEGISLATION",
    usedFor: "A power to share for crime and disorder purposes, which does not override confidence",
  },
  {
    id: "gillick",
    title: "Gillick v West Norfolk and Wisbech Area Health Authority [1986] AC 112",
    by: "House of Lords",
    date: "Decided 17 October 1985",
    kind: "CASE_LAW",
    usedFor: "Whether a child can consent for themselves: sufficient understanding and intelligence to decide",
  },
  {
    id: "dudley",
    title: "Key principles of information sharing when safeguarding children: practice guidance",
    by: "Dudley Children's Services",
    date: "Undated",
    kind: "LOCAL_EXAMPLE",
    usedFor: "An example of local arrangements: emergencies, escalation, naming people",
  },
  {
    id: "croydon",
    title: "The seven golden rules to sharing information",
    by: "Croydon",
    date: "Undated",
    kind: "LOCAL_EXAMPLE",
    usedFor: "An example of local arrangements: consent and the golden rules in practice",
  },
  {
    id: "pre-school",
    title: "Confidentiality and information sharing policy",
    by: "A pre-school",
    date: "Undated",
    kind: "LOCAL_EXAMPLE",
    usedFor: "An example of local arrangements: confidentiality in an early years setting",
  },
  {
    id: "berkshire",
    title: "Multi-agency information sharing protocol",
    by: "Berkshire safeguarding partners",
    date: "Undated (cites the May 2024 advice)",
    kind: "LOCAL_EXAMPLE",
    usedFor: "An example of local arrangements: legal gateways, escalation between agencies",
  },
  // Decision 024: the defaults for retention by record type.
  {
    id: "irms-schools-toolkit",
    title: "Information Management Toolkit for Schools (retention guidelines)",
    by: "Information and Records Management Society (IRMS)",
    date: "Current edition at irms.org.uk (not dated in the copy we read)",
    kind: "RECORDS_MANAGEMENT",
    usedFor: "Retention of child protection information: the child's date of birth plus 25 years, then review",
  },
  {
    id: "nhs-records-code-2023",
    title: "Records Management Code of Practice: a guide to the management of health and care records",
    by: "NHS England (first published by NHSX)",
    date: "August 2021, updated August 2023",
    kind: "RECORDS_MANAGEMENT",
    usedFor: "Children's records kept to the 25th birthday (26th if 17 when care ended)",
  },
  {
    id: "local-authority-retention-schedules",
    title: "Children's services retention schedules (for example Blackpool, Devon, Derbyshire)",
    by: "Local authorities",
    date: "Various; checked November 2026",
    kind: "LOCAL_EXAMPLE",
    usedFor:
      "An example of local arrangements: child protection records kept longer (e.g. 35 years after last " +
      "contact); advice consultations 6 years from last contact",
  },
];
