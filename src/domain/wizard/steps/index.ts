import type { StepId } from "../answers";
import {
  confidentialAdvice,
  significantHarmAdvice,
  consentAdvice,
  identifiableAdvice,
  otherLawfulReasonAdvice,
  purposeAdvice,
} from "./advice";
import { aboutTheInformation } from "./about-the-information";
import { adultAtRisk } from "./adult-at-risk";
import { checkAnswers } from "./check-answers";
import { childViews } from "./child-views";
import { concern } from "./concern";
import { confidential } from "./confidential";
import { consent } from "./consent";
import { consentFrom } from "./consent-from";
import { decision } from "./decision";
import { departureReason } from "./departure-reason";
import { emergencyAction } from "./emergency-action";
import { identifiable } from "./identifiable";
import { informationToShare } from "./information-to-share";
import { informing } from "./informing";
import { lawfulBasisStep } from "./lawful-basis";
import { notSharing } from "./not-sharing";
import { otherLawfulReason } from "./other-lawful-reason";
import { purpose } from "./purpose";
import { recipient } from "./recipient";
import { reconsideration } from "./reconsideration";
import { request } from "./request";
import { safety } from "./safety";
import { sharingMethod } from "./sharing-method";
import { significantHarm } from "./significant-harm";
import type { StepDefinition } from "./shared";
import { urgency } from "./urgency";

export { ADVICE_STEP_FOR_QUESTION, type AdviceStepId } from "./advice";
export { RECONSIDERED_QUESTION_LABELS } from "./reconsideration";
export { TIME_PATTERN } from "./emergency-action";
export { STEP_CAPTIONS } from "./shared";
export type { StepCaption, StepDefinition } from "./shared";

/** Every page's definition, keyed by step id; the order of pages is STEP_IDS in ../answers. */
export const STEPS: { readonly [Id in StepId]: StepDefinition<Id> } = {
  reconsideration,
  urgency,
  "emergency-action": emergencyAction,
  request,
  identifiable,
  "identifiable-advice": identifiableAdvice,
  concern,
  "about-the-information": aboutTheInformation,
  "child-views": childViews,
  "significant-harm": significantHarm,
  "significant-harm-advice": significantHarmAdvice,
  "adult-at-risk": adultAtRisk,
  purpose,
  "purpose-advice": purposeAdvice,
  confidential,
  "confidential-advice": confidentialAdvice,
  "consent-from": consentFrom,
  consent,
  "consent-advice": consentAdvice,
  "other-lawful-reason": otherLawfulReason,
  "other-lawful-reason-advice": otherLawfulReasonAdvice,
  decision,
  "departure-reason": departureReason,
  "not-sharing": notSharing,
  "lawful-basis": lawfulBasisStep,
  recipient,
  "information-to-share": informationToShare,
  "sharing-method": sharingMethod,
  informing,
  safety,
  "check-answers": checkAnswers,
};

export function stepDefinition<Id extends StepId>(id: Id): StepDefinition<Id> {
  return STEPS[id] as StepDefinition<Id>;
}
