// The charts' colours. Each is at least 3:1 against the white page (WCAG 1.4.11 non-text contrast),
// and chart-palette.test.ts checks it; bars are outlined in white, so neighbouring colours in a stacked
// bar are each told apart by their 3:1 edge against white rather than against each other.

/** Blue, dark orange, dark grey, green, red, purple (GOV.UK colours; the orange darkened from #f47738, 2.8:1). */
export const CHART_PALETTE = ["#1d70b8", "#c25100", "#505a5f", "#00703c", "#d4351c", "#4c2c92"] as const;

export const CHART_BACKGROUND = "#ffffff";

/** A colour's relative luminance (WCAG 2.2), from "#rrggbb". */
export function relativeLuminance(hex: string): number {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) throw new Error(`not a #rrggbb colour: ${hex}`);
  const [r, g, b] = match.slice(1).map((part) => {
    const channel = Number.parseInt(part, 16) / 255;
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The contrast ratio of two colours (WCAG 2.2): from 1 (the same) to 21 (black on white). */
export function contrastRatio(first: string, second: string): number {
  const [light, dark] = [relativeLuminance(first), relativeLuminance(second)].sort((a, b) => b - a) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}
