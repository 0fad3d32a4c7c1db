import type { StepId } from "../answers";
import {
  confidentialAdvice,
  significantHarmAdvice,
  consentAdvice,
  identifiableAdvice,
  otherLawfulReasonAdvice,
  purposeAdvice,
} from "./advice";
import { adultAtRisk } from "./adult-at-risk";
import { checkAnswers } from "./check-answers";
import { concern } from "./concern";
import { confidential } from "./confidential";
import { consent } from "./consent";
import { decision } from "./decision";
import { departureReason } from "./departure-reason";
import { identifiable } from "./identifiable";
import { informationToShare } from "./information-to-share";
import { informing } from "./informing";
import { lawfulBasisStep } from "./lawful-basis";
import { otherLawfulReason } from "./other-lawful-reason";
import { purpose } from "./purpose";
import { request } from "./request";
import { safety } from "./safety";
import { sharingMethod } from "./sharing-method";
import { significantHarm } from "./significant-harm";
import type { StepDefinition } from "./shared";
import { urgency } from "./urgency";

export { ADVICE_STEP_FOR_QUESTION, type AdviceStepId } from "./advice";
export type { StepCaption, StepDefinition } from "./shared";

/** Every page's definition, keyed by step id; the order of pages is STEP_IDS in ../answers. */
export const STEPS: { readonly [Id in StepId]: StepDefinition<Id> } = {
  urgency,
  request,
  concern,
  "significant-harm": significantHarm,
  "significant-harm-advice": significantHarmAdvice,
  "adult-at-risk": adultAtRisk,
  purpose,
  "purpose-advice": purposeAdvice,
  identifiable,
  "identifiable-advice": identifiableAdvice,
  confidential,
  "confidential-advice": confidentialAdvice,
  consent,
  "consent-advice": consentAdvice,
  "other-lawful-reason": otherLawfulReason,
  "other-lawful-reason-advice": otherLawfulReasonAdvice,
  "lawful-basis": lawfulBasisStep,
  safety,
  "information-to-share": informationToShare,
  "sharing-method": sharingMethod,
  informing,
  decision,
  "departure-reason": departureReason,
  "check-answers": checkAnswers,
};

export function stepDefinition<Id extends StepId>(id: Id): StepDefinition<Id> {
  return STEPS[id] as StepDefinition<Id>;
}
