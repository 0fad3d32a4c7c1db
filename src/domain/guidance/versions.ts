/**
 * The versions of InfoShare's guidance, oldest first. Every record stores the version it was
 * made under (DecisionRecordData.guidanceVersion), so it can be read against the advice that was
 * on screen then; guidanceChangesBetween says what changed since.
 */
export interface GuidanceVersion {
  id: string;
  /** YYYY-MM-DD the version took effect in InfoShare. */
  from: string;
  /** What changed from the version before, one line each, in plain English. */
  changes: readonly string[];
}

export const GUIDANCE_VERSIONS: readonly GuidanceVersion[] = [
  {
    id: "2024-11-dfe-2024-v1",
    from: "2024-11-01",
    changes: ["First version: the May 2024 advice's seven golden rules and the 2018 flowchart."],
  },
  {
    id: "2026-11-law-update-v2",
    from: "2026-11-29",
    changes: [
      "Consent is not accepted as the lawful basis when a child or adult is at risk of significant harm.",
      "'Not sure' whether the harm is significant now leads to seeking advice, like every other 'not sure'.",
      "Protecting someone from significant harm counts as a clear and legitimate purpose.",
      "Adults at risk have their own questions: care and support needs, protecting themselves, mental capacity.",
      "Harm below significant with a risk of it prompts weighing the risk (golden rule 3) before not sharing.",
      "Schedule 1 paragraph 18 is only for sharing without consent.",
      "The reasons given for sharing without consent are checked against the lawful basis chosen.",
      "Each kind of organisation is offered only the bases it can rely on, with the reason.",
      "New: UK GDPR Article 6(1)(ea) recognised legitimate interests (in force 5 February 2026); " +
        "Article 6(1)(e) is now a task of your own organisation.",
      "New: criminal offence data (UK GDPR Article 10, DPA 2018 s.10(5), Schedule 1 paragraph 36).",
      "New: Children Act 1989 s.27, Children Act 2004 ss.16H, 16LA and 16LC (not yet in force), " +
        "Care Act 2014 ss.42 and 45, and Human Rights Act Article 8 proportionality.",
      "Wording: the public interest usually, not always, outweighs confidentiality; s.47 binds named " +
        "authorities; s.115 does not override confidence; Schedule 8 covers every competent authority.",
      "National documents are cited by title; local protocols are cited as examples of local arrangements.",
    ],
  },
  {
    id: "2026-11-wizard-order-v3",
    from: "2026-11-29",
    changes: [
      "Whose consent is recorded (the child, a parent or someone with parental responsibility, or the adult), " +
        "and for the child's own consent whether they can decide for themselves (Gillick competence).",
      "The child's wishes and feelings are recorded for every child.",
      "Who the information is about (the child, a sibling, a parent or carer, someone who may pose a risk, an " +
        "unborn child) and whether it came from another agency, with a prompt to check with that agency.",
      "Information about someone who may pose a risk needs an answer on criminal offence data.",
      "The decision is asked as soon as the questions have given an indication; only a share goes on to what, " +
        "how and whether to tell the person; not sharing records whether the person who asked was told and " +
        "when to look at the decision again.",
      "In an emergency, the time action was taken and what was done are recorded first.",
      "Reconsidering a decision records the new information and starts again from the question it changes.",
      "A request that identifies no one (numbers, trends) needs no case reference and no harm question: " +
        "whether the information identifies anyone is now asked before the case reference.",
      "Guidance beside each question is the note for that question; each golden rule is shown once.",
      "The lawful-basis page suggests the likely bases first, with the reason, and lists consent last.",
    ],
  },
];

export const GUIDANCE_VERSION_IDS = GUIDANCE_VERSIONS.map((version) => version.id);

/**
 * What changed after `fromVersion` up to and including `toVersion`, version by version. Empty
 * when they are the same; undefined when either is unknown or they are out of order.
 */
export function guidanceChangesBetween(
  fromVersion: string,
  toVersion: string,
): Array<{ version: string; from: string; changes: readonly string[] }> | undefined {
  const start = GUIDANCE_VERSION_IDS.indexOf(fromVersion);
  const end = GUIDANCE_VERSION_IDS.indexOf(toVersion);
  if (start < 0 || end < 0 || end < start) return undefined;
  return GUIDANCE_VERSIONS.slice(start + 1, end + 1).map(({ id, from, changes }) => ({
    version: id,
    from,
    changes,
  }));
}
