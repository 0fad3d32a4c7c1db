import { SOURCES } from "./sources";

// Sources of the per-question notes (decision 023), cited by title and date.
const WORKING_TOGETHER_2023 = "Working Together to Safeguard Children (HM Government, December 2023)";
const ICO_DATA_SHARING_CODE = "Data sharing: a code of practice (Information Commissioner's Office, 2021)";
const GILLICK = "Gillick v West Norfolk and Wisbech Area Health Authority [1986] AC 112 (House of Lords)";
const CARE_ACT_GUIDANCE =
  "Care and support statutory guidance, chapter 14 (Department of Health and Social Care); Care Act 2014 s.42";

export const GUIDANCE_NOTE_IDS = [
  "emergency-act-now",
  "data-protection-is-not-a-barrier",
  "consent-must-be-a-real-choice",
  "never-promise-secrecy",
  "do-not-name-the-child",
  "escalate-refusals-at-pace",
  "proportionate-interference-with-private-life",
  "record-emergency-afterwards",
  "reconsider-with-new-information",
  "check-who-is-asking",
  "numbers-and-trends",
  "information-from-another-agency",
  "listen-to-the-child",
  "significant-harm-threshold",
  "adults-at-risk-have-their-own-test",
  "what-confidential-means",
  "gillick-competence",
  "lawful-reasons-without-consent",
  "departing-from-the-indication",
  "keep-not-sharing-under-review",
  "share-securely",
  "send-it-to-the-right-person",
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
  {
    id: "record-emergency-afterwards",
    title: "Protect first, then record",
    text:
      "Record the time you acted and what you did, as exactly as you can, while it is fresh. The rest of the " +
      "record, including your reasons and the lawful basis, follows.",
    source: `${WORKING_TOGETHER_2023}, chapter 2; ${SOURCES.dfe2024Rule(7)}`,
  },
  {
    id: "reconsider-with-new-information",
    title: "Look again when something changes",
    text:
      "A decision is right for what you knew when you made it. New information can change it either way. The " +
      "new record is linked to the earlier one, which is kept as it was.",
    source: SOURCES.dfe2024Rule(7),
  },
  {
    id: "check-who-is-asking",
    title: "Check who is asking, and why",
    text:
      "Before you share, be sure the person asking is who they say they are, and that their role gives them a " +
      "reason to need the information. If you are not sure, call them back through their organisation.",
    source: ICO_DATA_SHARING_CODE,
  },
  {
    id: "numbers-and-trends",
    title: "Numbers and trends that identify no one",
    text:
      "Counts and trends are not personal data if no one can be picked out from them, even by putting details " +
      "together. Small numbers in a small area can identify a family: if in doubt, treat it as personal.",
    source: "UK GDPR Article 4(1) and recital 26; " + ICO_DATA_SHARING_CODE,
  },
  {
    id: "information-from-another-agency",
    title: "Information from another agency",
    text:
      "What another agency told you may not be yours to pass on: they may know risks you do not. Where it is " +
      "safe and does not cause harmful delay, check with them first, or ask them to share it themselves.",
    source: ICO_DATA_SHARING_CODE,
  },
  {
    id: "listen-to-the-child",
    title: "The child's voice",
    text:
      "Find out what the child wants and feels, in a way that suits their age and understanding, and record it " +
      "in their own words where you can. Their views do not decide the matter, but they must be heard.",
    source: `${WORKING_TOGETHER_2023}, a child-centred approach; Children Act 1989 ss.17(4A) and 47(5A)`,
  },
  {
    id: "significant-harm-threshold",
    title: "What significant harm means",
    text:
      "Harm is ill-treatment or impairment of health or development, including from seeing or hearing someone " +
      "else being ill-treated. Whether it is significant depends on the child, compared with a similar child.",
    source: `Children Act 1989 ss.31(9), 31(10) and 47; ${WORKING_TOGETHER_2023}`,
  },
  {
    id: "adults-at-risk-have-their-own-test",
    title: "Adults at risk",
    text:
      "An adult who can make the decision may refuse. Their refusal is respected unless others, including " +
      "children, are at risk, a serious crime is involved, or they are being coerced. If they cannot make the " +
      "decision, act in their best interests.",
    source: `${CARE_ACT_GUIDANCE}; Mental Capacity Act 2005 ss.1 and 4`,
  },
  {
    id: "what-confidential-means",
    title: "What makes information confidential",
    text:
      "Information is confidential if it was shared in confidence, or the person would reasonably expect it to " +
      "be kept private, and it is not already public. Confidentiality is not absolute: the public interest in " +
      "protecting a child usually outweighs it.",
    source: SOURCES.dfe2024,
  },
  {
    id: "gillick-competence",
    title: "When a child can decide for themselves",
    text:
      "A child who has enough understanding and maturity to grasp what sharing means, and what could follow, " +
      "can give or refuse consent themselves. Young people of 16 and 17 are presumed to. Otherwise, ask a " +
      "parent or someone with parental responsibility, unless that would put the child at risk.",
    source: `${GILLICK}; ${SOURCES.dfe2024}`,
  },
  {
    id: "lawful-reasons-without-consent",
    title: "Sharing without consent",
    text:
      "Without consent you can still share if the law gives a reason: a legal duty or power, your public " +
      "functions, protecting someone's life, or the public interest. Say which one applies.",
    source: SOURCES.dfe2024Rule(3),
  },
  {
    id: "departing-from-the-indication",
    title: "Departing from what the questions indicate",
    text:
      "The questions give an indication, not an instruction. If you decide otherwise, say why: a reviewer will " +
      "read your reason alongside the indication.",
    source: SOURCES.hmg2018Flowchart,
  },
  {
    id: "keep-not-sharing-under-review",
    title: "A decision not to share is kept under review",
    text:
      "Tell the person who asked, unless that is unsafe, and say what would change your mind. Set a date to look " +
      "again, and look again sooner if you learn something new.",
    source: SOURCES.dfe2024Rule(7),
  },
  {
    id: "share-securely",
    title: "Share securely",
    text:
      "Use a secure route the recipient can open, send only to the person who needs it, and confirm they have " +
      "received it. Record how you sent it.",
    source: `${SOURCES.dfe2024}; ${ICO_DATA_SHARING_CODE}`,
  },
  {
    id: "send-it-to-the-right-person",
    title: "Send it to the right person",
    text:
      "Share with the person who needs it to act, not with everyone involved. Check their role and organisation " +
      "through a route you know, such as their organisation's switchboard, before you send anything.",
    source: `${SOURCES.dfe2024}; ${ICO_DATA_SHARING_CODE}`,
  },
];
