// The partnership's oversight figures (issue 14, decision 030): how each agency answers, by priority,
// against the partnership's response times; evidence for a multi-agency audit or a joint inspection.
import { type IsoDay, addUkDays, ukDate } from "../calendar";
import type { EscalationOutcome, EscalationReason } from "./escalation";
import type { Priority } from "./priority";

export const OVERSIGHT_PERIODS = [30, 90, 365] as const;
export type OversightPeriod = (typeof OVERSIGHT_PERIODS)[number];
export const DEFAULT_OVERSIGHT_PERIOD: OversightPeriod = 90;

export function oversightPeriod(raw: unknown): OversightPeriod {
  const days = Number(raw);
  return (OVERSIGHT_PERIODS as readonly number[]).includes(days) ? (days as OversightPeriod) : DEFAULT_OVERSIGHT_PERIOD;
}

/**
 * The first UK day of a period of `period` days ending today (today included): the figures are kept
 * per UK day (decision 035), so a period is whole days, the last of them still going.
 */
export function oversightPeriodFirstDay(now: Date, period: OversightPeriod): IsoDay {
  return addUkDays(ukDate(now), 1 - period);
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
  /**
   * Median clock time from receipt to answer, in hours, estimated from the time bands (decision 035:
   * exact when no two answers near the middle share a band); null when none was answered.
   */
  medianHoursToAnswer: number | null;
}

const HOUR_MS = 3_600_000;

/**
 * Where the time bands of "time to answer" end, in hours (decision 035): each day's figures keep how
 * many answers fell in each band and their total time, from which the median is estimated. The
 * database's triggers band answers with the same bounds (migration ..._oversight_figures_rollup);
 * the integration test checks they agree.
 */
export const ANSWER_TIME_BAND_BOUNDS_HOURS = [
  1, 2, 3, 4, 6, 8, 12, 16, 24, 36, 48, 72, 96, 144, 192, 288, 432, 720, 1440,
] as const;
/** One band more than bounds: the last has no end. */
export const ANSWER_TIME_BANDS = ANSWER_TIME_BAND_BOUNDS_HOURS.length + 1;

/** The band of a time to answer: how many bounds it has reached (a negative time counts as none). */
export function answerTimeBand(milliseconds: number): number {
  return ANSWER_TIME_BAND_BOUNDS_HOURS.filter((hours) => Math.max(0, milliseconds) >= hours * HOUR_MS).length;
}

/** One band's answers: how many, and their time to answer added up. */
export interface AnswerTimeBand {
  answers: number;
  totalMilliseconds: number;
}

/**
 * The median time to answer, in hours, from the bands (`bands[i]` is band i), as percentile_cont(0.5)
 * would give it from the answers themselves: the middle answer (or the mean of the two middle ones),
 * each answer placed inside its band. A band's answers are taken as evenly spread over the widest
 * interval inside the band centred on their mean, so a band holding one answer gives that answer
 * exactly; the error is otherwise bounded by the band. Null when there are no answers.
 */
export function estimatedMedianHours(bands: readonly AnswerTimeBand[]): number | null {
  const total = bands.reduce((sum, band) => sum + band.answers, 0);
  if (total === 0) return null;
  const position = (total - 1) / 2;
  const lower = Math.floor(position);
  const below = estimatedAnswerHours(bands, lower);
  return below + (position - lower) * (estimatedAnswerHours(bands, Math.ceil(position)) - below);
}

/** The estimated time (hours) of the answer at 0-based `rank` in order of time to answer. */
function estimatedAnswerHours(bands: readonly AnswerTimeBand[], rank: number): number {
  let before = 0;
  for (const [index, band] of bands.entries()) {
    if (rank < before + band.answers) {
      const start = index === 0 ? 0 : ANSWER_TIME_BAND_BOUNDS_HOURS[index - 1]!;
      const end = ANSWER_TIME_BAND_BOUNDS_HOURS[index] ?? Number.POSITIVE_INFINITY;
      const mean = band.totalMilliseconds / band.answers / HOUR_MS;
      const halfWidth = Math.max(0, Math.min(mean - start, end - mean));
      return mean - halfWidth + ((rank - before + 0.5) / band.answers) * 2 * halfWidth;
    }
    before += band.answers;
  }
  throw new RangeError(`no answer at rank ${rank}`);
}

/** "about 3.5 hours", "about 31 hours": the median is an estimate, and says so. */
export function formatEstimatedHours(hours: number): string {
  const shown = hours < 10 ? hours.toFixed(1) : String(Math.round(hours));
  return `about ${shown} ${shown === "1.0" ? "hour" : "hours"}`;
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
  "Median hours to answer (estimate)",
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
