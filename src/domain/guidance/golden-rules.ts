import { SOURCES } from "./sources";

export const GOLDEN_RULE_IDS = [
  "protection-comes-first",
  "engage-the-child-and-carers",
  "consent-is-not-required-when-at-risk",
  "seek-advice-promptly",
  "protect-identities",
  "share-only-what-is-needed",
  "record-your-reasons",
] as const;

export type GoldenRuleId = (typeof GOLDEN_RULE_IDS)[number];

export interface GoldenRule {
  id: GoldenRuleId;
  /** Position in the 2024 list, so the app can say "Golden rule 3". */
  number: number;
  title: string;
  summary: string;
  whatItMeansForYou: string;
  source: string;
}

/** The seven golden rules in their 2024 order, rewritten in plain English. */
export const GOLDEN_RULES: readonly GoldenRule[] = [
  {
    id: "protection-comes-first",
    number: 1,
    title: "Protecting a child comes first",
    summary:
      "Every child has the right to be protected from abuse and neglect. Keeping a child safe matters more " +
      "than keeping their information private, or the information of an adult who is failing to protect them.",
    whatItMeansForYou:
      "Data protection law is not a barrier to sharing. If you believe that not sharing could leave a child " +
      "at risk of harm, the law gives you a way to share. Do not let worries about privacy stop you acting.",
    source: SOURCES.dfe2024Rule(1),
  },
  {
    id: "engage-the-child-and-carers",
    number: 2,
    title: "Be open with the child and their family when it is safe",
    summary:
      "Where it is practical and safe, talk to the child and their parents or carers about what you plan to " +
      "share, who with, and why.",
    whatItMeansForYou:
      "You do not have to tell them if you believe it could put the child at greater risk, for example if a " +
      "carer might harm the child or react violently, or the child might stop talking to you or stop using " +
      "services. Record whether you told them and, if not, why.",
    source: SOURCES.dfe2024Rule(2),
  },
  {
    id: "consent-is-not-required-when-at-risk",
    number: 3,
    title: "You do not need consent when a child is at risk",
    summary:
      "If a child is at risk of harm, or might be, you can share without consent. You always need a lawful " +
      "basis, and consent is often not the right one when you are acting to protect a child.",
    whatItMeansForYou:
      "Listen to any objection from the child or family and take it seriously. You can still share if it is " +
      "needed to protect the child, but record why you went ahead.",
    source: SOURCES.dfe2024Rule(3),
  },
  {
    id: "seek-advice-promptly",
    number: 4,
    title: "Ask for advice early if you are unsure",
    summary:
      "If you are unsure what to share, or how the law lets you share it, get advice quickly. Never leave a " +
      "child at risk because you are worried you might be criticised for sharing.",
    whatItMeansForYou:
      "Ask your manager or supervisor, your designated safeguarding lead, your data protection officer or " +
      "information governance lead, your Caldicott Guardian, or your legal team. Small charities can use the " +
      "NSPCC's safeguarding guidance. Avoid naming the child or family when you ask, where you can, and " +
      "record who you asked and what they said.",
    source: SOURCES.dfe2024Rule(4),
  },
  {
    id: "protect-identities",
    number: 5,
    title: "Protect anyone who could be harmed if they were identified",
    summary:
      "Make sure that what you share does not expose people who could be hurt if an abuser, or someone close " +
      "to them, found out about them: the child, a carer, a neighbour, a colleague, or someone who made a " +
      "referral anonymously.",
    whatItMeansForYou:
      "Decide whose details need to be left out or handled with care, and make sure whoever receives the " +
      "information protects them too.",
    source: SOURCES.dfe2024Rule(5),
  },
  {
    id: "share-only-what-is-needed",
    number: 6,
    title: "Share only what is needed, with people who need it",
    summary:
      "Share relevant, accurate information only with people or organisations who have a part in keeping the " +
      "child safe or supporting the family, and only as much as they need to do that.",
    whatItMeansForYou:
      "You will rarely need to send a whole record or case file. Check that what you share is necessary, " +
      "proportionate, relevant, adequate and accurate.",
    source: SOURCES.dfe2024Rule(6),
  },
  {
    id: "record-your-reasons",
    number: 7,
    title: "Record your reasons, whether or not you share",
    summary: "Write down what you decided and why, including when you decide not to share.",
    whatItMeansForYou:
      "If you turn down a request, be ready to explain why. Think again if the person asking gives you new " +
      "information that changes how you see what you hold.",
    source: SOURCES.dfe2024Rule(7),
  },
];
