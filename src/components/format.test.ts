import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime } from "./format";

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
