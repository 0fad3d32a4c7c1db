import { findLawfulBasis } from "@/domain/lawful-basis";
import { type StepId, stepDefinition } from "@/domain/wizard";

export const OUTCOME_LABELS = {
  SHARE: "Share in full",
  SHARE_PART: "Share in part",
  NO_SHARE: "Do not share",
} as const;
export const KIND_LABELS = {
  ORIGINAL: "Decision",
  CORRECTION: "Correction",
  RECONSIDERATION: "Reconsideration",
} as const;
export const INDICATION_LABELS: Record<string, string> = {
  SHARE: "You can share",
  DO_NOT_SHARE: "Do not share",
  EMERGENCY: "Emergency: act now",
  SEEK_ADVICE: "Seek advice first",
  INCOMPLETE: "Not finished",
};
export const FLAG_LABELS: Record<string, string> = {
  DEPARTURE: "Departs from the flowchart",
  EMERGENCY: "Emergency",
  SHARED_WITHOUT_CONSENT: "Shared without consent",
  NO_SHARE: "Not shared",
};
export const CONSENT_LABELS: Record<string, string> = {
  GIVEN: "Consent given",
  REFUSED_OVERRIDDEN: "Consent refused, and overridden",
  REFUSED_RESPECTED: "Consent refused, and respected",
  NOT_SOUGHT: "Consent not sought",
  WITHDRAWN: "Consent withdrawn",
  NOT_NEEDED: "Consent not needed",
};
export const NOT_SOUGHT_LABELS: Record<string, string> = {
  unsafe: "seeking it would put someone at risk",
  inappropriate: "it would be inappropriate",
  "harmful-delay": "seeking it would cause harmful delay",
};

export function lawfulBasisLabel(id: string): string {
  const basis = findLawfulBasis(id);
  return basis ? `${basis.reference}: ${basis.label}` : id;
}

/** The wording a wizard option was shown with, for a stored option value. */
export function optionLabel(stepId: StepId, fieldName: string, value: string): string {
  const field = stepDefinition(stepId).fields.find((f) => f.name === fieldName);
  return field?.options?.find((option) => option.value === value)?.label ?? value;
}
