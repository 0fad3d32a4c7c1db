// Shared by the supervision tests: the demo people (scripts/lib/demo-data.ts) and decisions that
// land in a supervisor's queue flagged, routine or urgent.
import { VALID, consentGivenShareAnswers } from "@/domain/wizard/test-fixtures";
import { SAM, ALEX, KIM, RUTH, PRIYA } from "./demo-people";

export { SAM, ALEX, KIM, RUTH, PRIYA };

/** A consent-given share turned into a decision not to share: flagged "not shared", routine (decision 027). */
export const noShareAnswers = () => ({
  ...consentGivenShareAnswers(),
  decision: {
    ...VALID.decision,
    outcome: "NO_SHARE" as const,
    rationale: "The school already holds this and sharing again adds nothing for the child.",
  },
  "not-sharing": VALID["not-sharing"],
});

/** Shared over the person's refusal while a child is at risk of significant harm: urgent (decision 027). */
export const sharedOverRefusalWithChildAtRisk = () => ({
  ...consentGivenShareAnswers(),
  "significant-harm": { significantHarm: "yes" as const },
  consent: { consent: "refused" as const },
  "lawful-basis": { ...VALID["lawful-basis"], schedule1: ["dpa-sch1-para-18" as const] },
  informing: { informPerson: "no" as const, reasonNotInforming: "The father may harm the child if he learns of it." },
});
