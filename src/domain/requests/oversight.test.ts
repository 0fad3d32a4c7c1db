import { describe, expect, it } from "vitest";
import { type AgencyPriorityFigures, onTimeRate, oversightCsvRow, oversightPeriod, percentOf } from "./oversight";

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
});
