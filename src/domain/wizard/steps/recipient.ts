import { z } from "zod";
import { TEXT_MAX_LENGTH, requiredText } from "../fields";
import { defineStep, tooLong } from "./shared";

/**
 * Who receives the information: a page of its own, asked only when sharing (issue 13, one thing per
 * page). Its three fields are one answer, as an address's lines are. Before, they sat on the decision's
 * page, where a decision not to share left them blank; an old draft's are moved here (legacy-answers.ts).
 */
export const recipient = defineStep("recipient", "Sharing safely", {
  title: "Who will you share the information with?",
  hint: "If you are sharing with a team, such as a multi-agency safeguarding hub, give the team's name.",
  ruleIds: [],
  noteIds: ["send-it-to-the-right-person"],
  fields: [
    { name: "recipientName", kind: "text", label: "Name of the person or team", maxLength: TEXT_MAX_LENGTH },
    { name: "recipientRole", kind: "text", label: "Their role", maxLength: TEXT_MAX_LENGTH },
    { name: "recipientOrganisation", kind: "text", label: "Their organisation", maxLength: TEXT_MAX_LENGTH },
  ],
  schema: z.strictObject({
    recipientName: requiredText({
      missing: "Enter the name of the person or team receiving the information",
      tooLong: tooLong("Name of the person or team"),
    }),
    recipientRole: requiredText({
      missing: "Enter the role of the person receiving the information",
      tooLong: tooLong("Role"),
    }),
    recipientOrganisation: requiredText({
      missing: "Enter the organisation of the person receiving the information",
      tooLong: tooLong("Organisation"),
    }),
  }),
});
