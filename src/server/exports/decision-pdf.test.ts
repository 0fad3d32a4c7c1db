import { describe, expect, it } from "vitest";
import { readPdf } from "../../../tests/support/read-pdf";
import { renderRecordPdf } from "./decision-pdf";

const rows = (n: number, value: string) => Array.from({ length: n }, (_, i) => ({ key: `Question ${i + 1}`, value }));

describe("renderRecordPdf", () => {
  it("puts the marking at the top and bottom of every page and numbers the pages", async () => {
    const pdf = await renderRecordPdf({
      marking: "OFFICIAL-SENSITIVE",
      title: "Decision record IS-2026-ABCD-1234",
      subtitle: "Northshire Council Children's Services",
      // Enough rows to run over several pages.
      sections: [{ heading: "Answers", rows: rows(60, "A long answer that wraps. ".repeat(6)) }],
      footnote: "Printed by Sam Patel on 29 November 2026 at 9:00pm.",
    });
    const { pages } = await readPdf(pdf);
    expect(pages.length).toBeGreaterThan(2);
    pages.forEach((text, index) => {
      expect(text.match(/OFFICIAL-SENSITIVE/g)).toHaveLength(2);
      expect(text).toContain(`Page ${index + 1} of ${pages.length}`);
    });
    expect(pages[0]).toContain("IS-2026-ABCD-1234");
    expect(pages.at(-1)).toContain("Printed by Sam Patel");
  });

  it("keeps a short record on one page", async () => {
    const pdf = await renderRecordPdf({
      marking: "OFFICIAL-SENSITIVE",
      title: "Decision record IS-1",
      subtitle: "Org",
      sections: [{ heading: "Summary", rows: rows(5, "Share in full") }],
      footnote: "Printed.",
    });
    expect((await readPdf(pdf)).pages).toHaveLength(1);
  });
});
