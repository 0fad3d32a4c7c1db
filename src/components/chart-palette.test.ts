import { describe, expect, it } from "vitest";
import { CHART_BACKGROUND, CHART_PALETTE, contrastRatio } from "./chart-palette";

describe("contrastRatio", () => {
  it("matches WCAG's figures", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#ffffff", "#ffffff")).toBe(1);
    // GOV.UK's orange, which the dashboard used to draw "Share in part" with: too light.
    expect(contrastRatio("#f47738", "#ffffff")).toBeCloseTo(2.78, 2);
    expect(contrastRatio("#1d70b8", "#ffffff")).toBeCloseTo(5.17, 2);
  });
});

describe("the charts' palette", () => {
  it.each(CHART_PALETTE)("%s is at least 3:1 against the page", (colour) => {
    expect(contrastRatio(colour, CHART_BACKGROUND)).toBeGreaterThanOrEqual(3);
  });

  it("has no colour twice", () => {
    expect(new Set(CHART_PALETTE).size).toBe(CHART_PALETTE.length);
  });
});
