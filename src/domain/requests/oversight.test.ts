import { describe, expect, it } from "vitest";
import {
  ANSWER_TIME_BANDS,
  ANSWER_TIME_BAND_BOUNDS_HOURS,
  type AgencyPriorityFigures,
  type AnswerTimeBand,
  answerTimeBand,
  estimatedMedianHours,
  formatEstimatedHours,
  onTimeRate,
  oversightCsvRow,
  oversightPeriod,
  oversightPeriodFirstDay,
  percentOf,
} from "./oversight";

const HOUR = 3_600_000;

/** The bands of some times to answer (in hours), as the daily figures keep them. */
function bandsOf(hours: number[]): AnswerTimeBand[] {
  const bands = Array.from({ length: ANSWER_TIME_BANDS }, () => ({ answers: 0, totalMilliseconds: 0 }));
  for (const h of hours) {
    const band = bands[answerTimeBand(h * HOUR)]!;
    band.answers += 1;
    band.totalMilliseconds += h * HOUR;
  }
  return bands;
}

/** percentile_cont(0.5), exactly. */
function exactMedian(values: number[]): number {
  const sorted = values.toSorted((a, b) => a - b);
  const position = (sorted.length - 1) / 2;
  const lower = sorted[Math.floor(position)]!;
  return lower + (position - Math.floor(position)) * (sorted[Math.ceil(position)]! - lower);
}

const FIGURES: AgencyPriorityFigures = {
  organisation: "Northshire Police",
  priority: "RED",
  targetHours: 4,
  received: 10,
  answered: 7,
  answeredOnTime: 5,
  open: 3,
  openOverdue: 1,
  refused: 2,
  medianHoursToAnswer: 3.25,
};

describe("oversight figures", () => {
  it("takes only the periods offered, else 90 days", () => {
    expect(oversightPeriod("30")).toBe(30);
    expect(oversightPeriod("365")).toBe(365);
    expect(oversightPeriod("7")).toBe(90);
    expect(oversightPeriod(undefined)).toBe(90);
    expect(oversightPeriod(["30"])).toBe(30);
  });
  it("judges on time against those answered or overdue, not those still within time", () => {
    // 5 of 7 answered in time, and 1 overdue: 5 of 8.
    expect(onTimeRate(FIGURES)).toBe("63%");
    expect(onTimeRate({ answered: 0, answeredOnTime: 0, openOverdue: 0 })).toBe("–");
    expect(percentOf(1, 3)).toBe("33%");
  });
  it("writes a CSV row per agency and priority", () => {
    expect(oversightCsvRow(FIGURES)).toEqual(["Northshire Police", "RED", 4, 10, 7, 5, "63%", 3, 1, 2, "3.3"]);
    expect(oversightCsvRow({ ...FIGURES, medianHoursToAnswer: null }).at(-1)).toBe("");
  });
  it("puts a time to answer in the band whose bounds it has reached", () => {
    expect(ANSWER_TIME_BANDS).toBe(20);
    expect(answerTimeBand(0)).toBe(0);
    expect(answerTimeBand(-5 * HOUR)).toBe(0);
    expect(answerTimeBand(HOUR - 1)).toBe(0);
    expect(answerTimeBand(HOUR)).toBe(1);
    expect(answerTimeBand(24 * HOUR)).toBe(ANSWER_TIME_BAND_BOUNDS_HOURS.indexOf(24) + 1);
    expect(answerTimeBand(1440 * HOUR)).toBe(19);
    expect(answerTimeBand(10_000 * HOUR)).toBe(19);
  });
  it("estimates the median exactly when the middle answers are alone in their bands", () => {
    expect(estimatedMedianHours(bandsOf([]))).toBeNull();
    expect(estimatedMedianHours(bandsOf([480.25]))).toBeCloseTo(480.25, 9);
    expect(estimatedMedianHours(bandsOf([0.2, 5000]))).toBeCloseTo(2500.1, 9);
    expect(estimatedMedianHours(bandsOf([0.5, 3.5, 30, 100]))).toBeCloseTo(16.75, 9);
  });
  it("estimates the median within its band otherwise, and close to the exact one on a spread of answers", () => {
    // Three answers in the 24-36 hour band: the middle one is placed at their mean.
    expect(estimatedMedianHours(bandsOf([25, 26, 33]))).toBeCloseTo(28, 9);
    let seed = 7;
    const random = () => (seed = (seed * 48_271) % 2_147_483_647) / 2_147_483_647;
    for (const scale of [3, 30, 300]) {
      const hours = Array.from({ length: 2001 }, () => scale * random() * random() * 4);
      const exact = exactMedian(hours);
      const estimate = estimatedMedianHours(bandsOf(hours))!;
      const band = answerTimeBand(exact * HOUR);
      expect(answerTimeBand(estimate * HOUR)).toBe(band);
      expect(Math.abs(estimate - exact) / exact).toBeLessThan(0.05);
    }
  });
  it("shows the median as an estimate", () => {
    expect(formatEstimatedHours(0.42)).toBe("about 0.4 hours");
    expect(formatEstimatedHours(1)).toBe("about 1.0 hour");
    expect(formatEstimatedHours(6.25)).toBe("about 6.3 hours");
    expect(formatEstimatedHours(30.6)).toBe("about 31 hours");
  });
  it("counts a period in whole UK days, ending today", () => {
    expect(oversightPeriodFirstDay(new Date("2026-11-30T09:00:00Z"), 30)).toBe("2026-11-01");
    // 00:30 on 1 July in London is still 30 June in UTC: the UK day counts.
    expect(oversightPeriodFirstDay(new Date("2026-06-30T23:30:00Z"), 90)).toBe("2026-04-03");
    expect(oversightPeriodFirstDay(new Date("2026-11-30T09:00:00Z"), 365)).toBe("2025-12-01");
  });
});
