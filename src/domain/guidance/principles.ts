import { SOURCES } from "./sources";

/**
 * The principles a practitioner confirms before sharing. "recorded" is left out because the app
 * itself makes the record, so asking the practitioner to tick it would mean nothing.
 */
export const CHECKLIST_PRINCIPLE_IDS = [
  "necessary",
  "proportionate",
  "relevant",
  "adequate",
  "accurate",
  "timely",
  "secure",
] as const;

/** All eight principles, in the order practitioners learn them. */
export const PRINCIPLE_IDS = [...CHECKLIST_PRINCIPLE_IDS, "recorded"] as const;
export type PrincipleId = (typeof PRINCIPLE_IDS)[number];

export type ChecklistPrincipleId = (typeof CHECKLIST_PRINCIPLE_IDS)[number];

export interface Principle {
  id: PrincipleId;
  title: string;
  /** Worded as a statement the practitioner can confirm about the information. */
  confirmation: string;
  explanation: string;
  source: string;
}

const PRINCIPLES_SOURCE = `${SOURCES.dudley("s.6 Principles")}; ${SOURCES.preSchool}`;

export const PRINCIPLES: readonly Principle[] = [
  {
    id: "necessary",
    title: "Necessary",
    confirmation: "It is necessary for the purpose of sharing",
    explanation: "Think about how much you really need to share. Do not share more than is needed to be useful.",
    source: PRINCIPLES_SOURCE,
  },
  {
    id: "proportionate",
    title: "Proportionate",
    confirmation: "It is proportionate to the need and the level of risk",
    explanation:
      "Weigh the effect of sharing on the person it is about and on anyone else mentioned, including people " +
      "who made a referral anonymously. The amount you share should match the need and the level of risk.",
    source: PRINCIPLES_SOURCE,
  },
  {
    id: "relevant",
    title: "Relevant",
    confirmation: "It is relevant to the purpose",
    explanation:
      "Share only information that is relevant to why you are sharing, and only with people who need it, so " +
      "they can do their job and make good decisions.",
    source: PRINCIPLES_SOURCE,
  },
  {
    id: "adequate",
    title: "Adequate",
    confirmation: "It is enough, and clear enough, to be understood and relied on",
    explanation:
      "The information should be good enough for its purpose: complete and clear enough that the person " +
      "receiving it can understand it and rely on it.",
    source: PRINCIPLES_SOURCE,
  },
  {
    id: "accurate",
    title: "Accurate",
    confirmation: "It is accurate and up to date, with fact and opinion kept apart",
    explanation:
      "Check that the information is correct and current. Make clear what is fact and what is opinion, and " +
      "explain when information is historical.",
    source: PRINCIPLES_SOURCE,
  },
  {
    id: "timely",
    title: "Timely",
    confirmation: "It will be shared in time to help the child",
    explanation:
      "Share promptly so that chances to support and protect the child are not missed. In an emergency, do " +
      "not delay to seek consent if the delay could put the child at greater risk.",
    source: PRINCIPLES_SOURCE,
  },
  {
    id: "secure",
    title: "Secure",
    confirmation: "It will be shared securely, following my organisation's policy",
    explanation:
      "Use a secure way to share, following your organisation's security policy. Email should go between " +
      "secure domains, by an encrypted service, or as an encrypted attachment.",
    source: `${PRINCIPLES_SOURCE}; ${SOURCES.berkshire("Appendix B para 1.3")}`,
  },
  {
    id: "recorded",
    title: "Recorded",
    confirmation: "The decision and reasons are recorded",
    explanation:
      "Record every information-sharing decision, whether or not you share. If you share, record what you " +
      "shared, with whom and why. If you do not, record why and discuss it with the person who asked. Keep " +
      "records no longer than your organisation's retention policy allows.",
    source: PRINCIPLES_SOURCE,
  },
];
