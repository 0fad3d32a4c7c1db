import { describe, expect, it } from "vitest";
import { NO_CASE_REFERENCE, caseHref, caseReferenceText, formatDate, formatDateTime, formatDuration } from "./format";

describe("formatDateTime", () => {
  it("formats in UK time, GOV.UK style", () => {
    expect(formatDateTime("2026-06-04T13:30:00Z")).toBe("4 June 2026 at 2:30pm");
    expect(formatDateTime("2026-01-10T09:05:00Z")).toBe("10 January 2026 at 9:05am");
  });
});

describe("formatDate", () => {
  it("formats a date", () => {
    expect(formatDate("2026-11-21T23:30:00Z")).toBe("21 November 2026");
  });
});

describe("formatDuration", () => {
  it("says less than a minute rather than nothing", () => {
    expect(formatDuration(0)).toBe("less than a minute");
    expect(formatDuration(59.9)).toBe("less than a minute");
    expect(formatDuration(-5)).toBe("less than a minute");
  });

  it("gives the two largest units, in words, rounded down", () => {
    expect(formatDuration(60)).toBe("1 minute");
    expect(formatDuration(5 * 60 + 59)).toBe("5 minutes");
    expect(formatDuration(3600)).toBe("1 hour");
    expect(formatDuration(2 * 3600 + 5 * 60)).toBe("2 hours 5 minutes");
    expect(formatDuration(24 * 3600)).toBe("1 day");
    expect(formatDuration(3 * 86400 + 4 * 3600 + 59 * 60)).toBe("3 days 4 hours");
    expect(formatDuration(2 * 86400 + 30 * 60)).toBe("2 days");
  });
});

describe("case references", () => {
  it("link to the case page, encoded", () => {
    expect(caseHref("CASE 1/2")).toBe("/cases/CASE%201%2F2");
    expect(caseReferenceText("CASE-1")).toBe("CASE-1");
  });

  it("say there is none, and link nowhere, for a record that identifies no one", () => {
    for (const none of ["", null, undefined]) {
      expect(caseHref(none)).toBeNull();
      expect(caseReferenceText(none)).toBe(NO_CASE_REFERENCE);
    }
  });
});
