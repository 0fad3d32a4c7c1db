import { addUkCalendarDays, addUkYears } from "../calendar";
import { z } from "zod";
import { sharedWithoutConsent, type ConsentStatus } from "./consent";
import type { DecisionOutcome } from "./departure";

/** In the order a supervisor's queue should rank them. */
export const REVIEW_FLAGS = ["DEPARTURE", "EMERGENCY", "SHARED_WITHOUT_CONSENT", "NO_SHARE"] as const;
export type ReviewFlag = (typeof REVIEW_FLAGS)[number];

export const URGENCIES = ["EMERGENCY", "ROUTINE"] as const;
export type Urgency = (typeof URGENCIES)[number];

export interface ReviewFlagInput {
  urgency: Urgency;
  outcome: DecisionOutcome;
  departsFromIndication: boolean;
  consent: { status: ConsentStatus };
}

export function reviewFlags(record: ReviewFlagInput): ReviewFlag[] {
  const raised: Record<ReviewFlag, boolean> = {
    DEPARTURE: record.departsFromIndication,
    EMERGENCY: record.urgency === "EMERGENCY",
    SHARED_WITHOUT_CONSENT: sharedWithoutConsent(record.consent.status, record.outcome),
    NO_SHARE: record.outcome === "NO_SHARE",
  };
  return REVIEW_FLAGS.filter((flag) => raised[flag]);
}

/** An organisation's record-keeping settings; IG leads can change them. */
export interface RecordKeepingSettings {
  /** Calendar days to review a decision in. Kept in days, not working days, for simplicity. */
  reviewWithinDays: { emergency: number; flagged: number; routine: number };
  retentionYears: number;
}

/**
 * Defaults until an organisation sets its own. The local protocols give no retention period:
 * Dudley's "Key principles of information sharing when safeguarding children" (s.6 "Record") says
 * to follow each organisation's retention policy and keep records no longer than necessary, so six
 * years is a placeholder for the IG lead to confirm.
 */
export const DEFAULT_RECORD_KEEPING_SETTINGS: RecordKeepingSettings = {
  reviewWithinDays: { emergency: 2, flagged: 2, routine: 28 },
  retentionYears: 6,
};

const days = z.number().int().min(1).max(365);

export const recordKeepingSettingsSchema = z.strictObject({
  reviewWithinDays: z.strictObject({ emergency: days, flagged: days, routine: days }),
  retentionYears: z.number().int().min(1).max(100),
});

/**
 * The soonest review period that applies: emergencies and urgent flags (decision 027) are looked at
 * within the short period ("flagged" in the settings); routine flags and unflagged decisions within
 * the normal one. Periods are UK calendar days: the same time of day, N days on, across a clock change too.
 */
export function reviewDueAt(
  decidedAt: Date,
  urgency: Urgency,
  severity: "URGENT" | "ROUTINE",
  settings: RecordKeepingSettings = DEFAULT_RECORD_KEEPING_SETTINGS,
): Date {
  const { emergency, flagged, routine } = recordKeepingSettingsSchema.parse(settings).reviewWithinDays;
  const periods = [
    routine,
    ...(urgency === "EMERGENCY" ? [emergency] : []),
    ...(severity === "URGENT" ? [flagged] : []),
  ];
  return addUkCalendarDays(decidedAt, Math.min(...periods));
}

export function retainUntil(decidedAt: Date, settings: RecordKeepingSettings = DEFAULT_RECORD_KEEPING_SETTINGS): Date {
  const { retentionYears } = recordKeepingSettingsSchema.parse(settings);
  // The UK anniversary; 29 February has none in most years, so it keeps to the end of February.
  return addUkYears(decidedAt, retentionYears);
}
