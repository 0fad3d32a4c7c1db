import { describe, expect, it } from "vitest";
import { EMAIL_TEMPLATES, absoluteLink, renderEmail } from "./messages";

describe("email messages", () => {
  it("are short, carry the link, and say nothing but the template's fixed words", () => {
    const link = "https://infoshare.example.gov.uk/review/DEC-7K4Q-M2XD";
    for (const template of EMAIL_TEMPLATES) {
      const { subject, text } = renderEmail(template, link);
      expect(text).toContain(link);
      expect(text.split("\n").length).toBeLessThanOrEqual(7);
      expect(subject.length).toBeLessThan(70);
      // The only variable part is the link: removing it leaves the same text for any link.
      expect(text.replace(link, "")).toBe(
        renderEmail(template, "https://x.example/").text.replace("https://x.example/", ""),
      );
    }
  });

  it("say a decision needs review in the words the brief gives", () => {
    expect(renderEmail("REVIEW_REQUESTED", "http://a/review/R").text).toMatch(
      /^A decision needs your review:\n\nhttp:\/\/a\/review\/R/,
    );
  });

  it("build links on the base URL whether or not it ends in a slash", () => {
    expect(absoluteLink("http://127.0.0.1:3000", "/review/R")).toBe("http://127.0.0.1:3000/review/R");
    expect(absoluteLink("https://x.example/infoshare/", "setup/abc")).toBe("https://x.example/infoshare/setup/abc");
  });
});
