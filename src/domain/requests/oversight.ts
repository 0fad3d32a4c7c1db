// The partnership's oversight figures (issue 14, decision 030): how each agency answers, by priority,
// against the partnership's response times; evidence for a multi-agency audit or a joint inspection.
import type { EscalationOutcome, EscalationReason } from "./escalation";
import type { Priority } from "./priority";

export const OVERSIGHT_PERIODS = [30, 90, 365] as const;
export type OversightPeriod = (typeof OVERSIGHT_PERIODS)[number];
export const DEFAULT_OVERSIGHT_PERIOD: OversightPeriod = 90;

export function oversightPeriod(raw: unknown): OversightPeriod {
  const days = Number(raw);
  return (OVERSIGHT_PERIODS as readonly number[]).includes(days) ? (days as OversightPeriod) : DEFAULT_OVERSIGHT_PERIOD;
}

/** One agency's requests of one priority received in the period. */
export interface AgencyPriorityFigures {
  organisation: string;
  priority: Priority;
  /** The partnership's response time for the priority, in working hours. */
  targetHours: number;
  received: number;
  answered: number;
  /** Answered by the due time (the target, counted in working hours at sending). */
  answeredOnTime: number;
  open: number;
  /** Still unanswered after the due time. */
  openOverdue: number;
  refused: number;
  /** Median clock time from receipt to answer, in hours; null when none was answered. */
  medianHoursToAnswer: number | null;
}

export interface EscalationFigures {
  reason: EscalationReason;
  /** null: waiting for the lead partners. */
  outcome: EscalationOutcome | null;
  count: number;
}

/** Whole per cent of a part, or "–" of nothing. */
export function percentOf(part: number, whole: number): string {
  return whole === 0 ? "–" : `${Math.round((part / whole) * 100)}%`;
}

/** The share answered within target, of those answered or overdue (open requests not yet due are not judged). */
export function onTimeRate(
  figures: Pick<AgencyPriorityFigures, "answered" | "answeredOnTime" | "openOverdue">,
): string {
  return percentOf(figures.answeredOnTime, figures.answered + figures.openOverdue);
}

export const OVERSIGHT_CSV_HEADER = [
  "Agency",
  "Priority",
  "Target (working hours)",
  "Received",
  "Answered",
  "Answered within target",
  "Within target (%)",
  "Open",
  "Open and overdue",
  "Refused",
  "Median hours to answer",
] as const;

export function oversightCsvRow(f: AgencyPriorityFigures): (string | number)[] {
  return [
    f.organisation,
    f.priority,
    f.targetHours,
    f.received,
    f.answered,
    f.answeredOnTime,
    onTimeRate(f),
    f.open,
    f.openOverdue,
    f.refused,
    f.medianHoursToAnswer === null ? "" : f.medianHoursToAnswer.toFixed(1),
  ];
}
