import { z } from "zod";
import { REQUEST_ORIGINS } from "../answers";
import { TEXT_MAX_LENGTH, choice, optionalText, radiosField, textField } from "../fields";
import { dropWhen, requireWhen, defineStep } from "./shared";

export const request = defineStep("request", "About the concern", {
  title: "Has someone asked you to share information, or do you want to share it?",
  ruleIds: [],
  noteIds: ["check-who-is-asking"],
  fields: [
    radiosField("origin", "Has someone asked you to share information, or do you want to share it?", [
      {
        value: "request",
        label: "Someone has asked me for information",
        revealsFields: ["requesterName", "requesterRole", "requesterOrganisation"],
      },
      { value: "own-initiative", label: "I want to share information" },
    ]),
    {
      name: "requesterName",
      kind: "text",
      label: "Name of the person asking",
      hint: "The professional who asked, not the child or family.",
      maxLength: TEXT_MAX_LENGTH,
      optional: true,
    },
    textField("requesterRole", "Their role", "For example, social worker, health visitor, police officer."),
    textField("requesterOrganisation", "Their organisation"),
  ],
  schema: z
    .strictObject({
      origin: choice(
        REQUEST_ORIGINS,
        "Select whether someone has asked you to share information or you want to share it",
      ),
      requesterName: optionalText("Name of the person asking"),
      requesterRole: optionalText("Role"),
      requesterOrganisation: optionalText("Organisation"),
    })
    .superRefine((value, ctx) =>
      requireWhen(value.origin === "request", value, ctx, {
        requesterRole: "Enter the role of the person asking for information",
        requesterOrganisation: "Enter the organisation of the person asking for information",
      }),
    )
    .transform((value) =>
      dropWhen(value.origin !== "request", value, ["requesterName", "requesterRole", "requesterOrganisation"]),
    ),
});
