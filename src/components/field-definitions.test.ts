import { describe, expect, it } from "vitest";
import { choiceWithFollowUps } from "./field-definitions";

describe("choiceWithFollowUps", () => {
  it("gives the radios, each option revealing its own follow-up, then the follow-ups in the options' order", () => {
    const fields = choiceWithFollowUps("answer", "Are you sharing it?", [
      { value: "SHARE", label: "Yes", followUp: { name: "information", kind: "textarea", label: "The information" } },
      { value: "NO_SHARE", label: "No", hint: "Say why", followUp: { name: "reasons", kind: "text", label: "Why" } },
    ]);
    expect(fields).toEqual([
      {
        name: "answer",
        kind: "radios",
        label: "Are you sharing it?",
        options: [
          { value: "SHARE", label: "Yes", revealsFields: ["information"] },
          { value: "NO_SHARE", label: "No", hint: "Say why", revealsFields: ["reasons"] },
        ],
      },
      { name: "information", kind: "textarea", label: "The information" },
      { name: "reasons", kind: "text", label: "Why" },
    ]);
  });
});
