import {
  isAvailableTo,
  isPublicAuthority,
  lawfulBasis,
  type LawfulBasisId,
  type OrganisationKind,
} from "../lawful-basis";
import { atRiskOfSignificantHarm, childAtRiskOfSignificantHarm, isAboutAnAdultAtRisk, isEmergency } from "./path";
import type { WizardAnswers } from "./answers";
import { aboutSomeoneWhoMayPoseARisk, consentGiven, treatedAsConfidential } from "./parse";

export interface LawfulBasisSuggestion {
  id: LawfulBasisId;
  /** Why it is likely to apply, from the answers given and the kind of organisation. */
  reason: string;
}

export { CONSENT_BASIS_IDS } from "./steps/lawful-basis";

/**
 * The bases likely to apply, first to last, from the answers and the organisation's kind. Only
 * bases this kind of organisation can rely on, in force, are suggested. Suggestions are a starting
 * point: the practitioner still chooses, and the choice is validated as before.
 */
export function suggestLawfulBases(answers: WizardAnswers, kind: OrganisationKind): LawfulBasisSuggestion[] {
  const suggestions: LawfulBasisSuggestion[] = [];
  const suggest = (id: LawfulBasisId, reason: string) => {
    if (isAvailableTo(lawfulBasis(id), kind) && !suggestions.some((s) => s.id === id)) suggestions.push({ id, reason });
  };
  const withoutConsent = !consentGiven(answers) || atRiskOfSignificantHarm(answers);
  const reasons = answers["other-lawful-reason"]?.reasonKinds ?? [];

  if (kind === "POLICE") {
    suggest(
      "dpa-s35",
      "Police sharing for law enforcement is lawful under section 35 of the Data Protection Act 2018.",
    );
    suggest("dpa-sch8-para-1", "For sensitive information shared for law enforcement under a power in law.");
  } else if (isPublicAuthority(kind)) {
    suggest("art6-1-e", "Safeguarding children is part of your organisation's tasks set out in law.");
  } else {
    suggest(
      "art6-1-ea",
      "Safeguarding vulnerable people is a recognised legitimate interest, open to organisations that are not " +
        "public authorities.",
    );
  }
  if (isEmergency(answers)) suggest("art6-1-d", "Someone is at immediate risk: sharing may protect their life.");
  if (reasons.includes("vital-interests")) suggest("art6-1-d", "You said sharing protects someone's life.");
  if (reasons.includes("statutory-duty-or-power")) {
    suggest("art6-1-c", "You said a law requires or allows you to share.");
  }
  if (withoutConsent && kind !== "POLICE") {
    suggest("art9-2-g", "For health or other special category information shared without consent.");
    suggest("dpa-sch1-para-18", "Safeguarding without consent: the Schedule 1 condition for Article 9(2)(g).");
  }
  if (aboutSomeoneWhoMayPoseARisk(answers) && withoutConsent && kind !== "POLICE") {
    suggest("dpa-sch1-para-18", "Allegations about someone who may pose a risk are criminal offence data.");
  }
  if (treatedAsConfidential(answers) && withoutConsent) {
    suggest("common-law-public-interest", "It is confidential, and protecting someone is in the public interest.");
  }
  if (childAtRiskOfSignificantHarm(answers)) {
    suggest("ca1989-s47", "A child may be suffering significant harm: section 47 enquiries.");
  } else if (!isAboutAnAdultAtRisk(answers) && answers.concern) {
    suggest("ca1989-s17", "Support for a child in need and their family.");
  }
  if (isAboutAnAdultAtRisk(answers)) suggest("care-act-2014-s42", "An adult at risk: safeguarding enquiries.");
  // Section 11 binds named bodies (councils, NHS bodies, police), not schools or voluntary organisations.
  if (kind === "LOCAL_AUTHORITY" || kind === "HEALTH" || kind === "POLICE") {
    suggest("ca2004-s11", "Your organisation's duty to make sure it safeguards and promotes children's welfare.");
  }
  return suggestions;
}
