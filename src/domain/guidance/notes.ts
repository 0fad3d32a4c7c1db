import { SOURCES } from "./sources";

export const GUIDANCE_NOTE_IDS = [
  "emergency-act-now",
  "data-protection-is-not-a-barrier",
  "consent-must-be-a-real-choice",
  "never-promise-secrecy",
  "do-not-name-the-child",
  "escalate-refusals-at-pace",
  "proportionate-interference-with-private-life",
] as const;

export type GuidanceNoteId = (typeof GUIDANCE_NOTE_IDS)[number];

/** Short pieces of advice that sit alongside the golden rules on particular pages. */
export interface GuidanceNote {
  id: GuidanceNoteId;
  title: string;
  text: string;
  source: string;
}

export const GUIDANCE_NOTES: readonly GuidanceNote[] = [
  {
    id: "emergency-act-now",
    title: "If a child is in danger, act now",
    text:
      "If you think a child is suffering, or is likely to suffer, significant harm, follow your safeguarding " +
      "procedures straight away. If a child is in immediate danger, call 999. Contact children's social care " +
      "or the police without waiting to seek consent or to finish this record. Come back and record what you " +
      "shared, and why, as soon as you can.",
    source: `${SOURCES.dudley("s.7")}; ${SOURCES.croydon}`,
  },
  {
    id: "data-protection-is-not-a-barrier",
    title: "Data protection law is not a barrier",
    text:
      "UK GDPR and the Data Protection Act 2018 do not stop you sharing information to keep a child safe. They " +
      "set out how to do it properly.",
    source: `${SOURCES.dudley("s.4")}; ${SOURCES.berkshire("s.2.2")}`,
  },
  {
    id: "consent-must-be-a-real-choice",
    title: "Only ask for consent if the answer can be no",
    text:
      "Consent must be clear and freely given, and can be withdrawn at any time. Only ask for it if the person " +
      "has a real choice. If you would share anyway, explain what you are doing and why instead of asking.",
    source: `${SOURCES.berkshire("s.4")}; ${SOURCES.croydon}`,
  },
  {
    id: "never-promise-secrecy",
    title: "Never promise a child to keep a secret",
    text:
      "You cannot promise a child that you will keep something secret if it could affect their safety or " +
      "well-being, or someone else's.",
    source: SOURCES.preSchool,
  },
  {
    id: "do-not-name-the-child",
    title: "Use the case reference, not names",
    text:
      "This record identifies the child only by your organisation's case reference. Do not type the child's " +
      "name or date of birth, and leave out other people's names unless they are needed.",
    source: `${SOURCES.dfe2024Rule(6)}; ${SOURCES.dudley("s.6 Necessary and proportionate")}`,
  },
  {
    id: "escalate-refusals-at-pace",
    title: "Disagreements about sharing are escalated quickly",
    text:
      "If another agency will not share information you believe a child's safety needs, raise it promptly " +
      "through your escalation procedure. Across partner agencies it goes, at pace, to the lead safeguarding " +
      "partners.",
    source: `${SOURCES.berkshire("s.6.4")}; ${SOURCES.dudley("s.8")}`,
  },
  {
    id: "proportionate-interference-with-private-life",
    title: "Public authorities: sharing must be proportionate",
    text:
      "Sharing someone's private information interferes with their right to respect for private and family " +
      "life. A public authority, such as a council, school, NHS body or the police, may only do that when the " +
      "law allows it, it is for a legitimate aim such as protecting a child, and it is proportionate: no more " +
      "than is needed for that aim.",
    source: "Human Rights Act 1998, s.6 and Schedule 1, Article 8",
  },
];
