import { z } from "zod";
import { SHARING_METHODS } from "../answers";
import { textareaField, choice, optionalText, optionsFrom, radiosField, textField } from "../fields";
import { dropWhen, requireWhen, defineStep, requiredTextarea } from "./shared";

export const sharingMethod = defineStep("sharing-method", "Sharing safely", {
  title: "How will you share the information securely?",
  ruleIds: [],
  noteIds: ["share-securely"],
  fields: [
    radiosField(
      "method",
      "How will you share it?",
      optionsFrom(SHARING_METHODS, {
        "secure-email": {
          label: "Secure email",
          hint: "Between secure email domains, or using an encrypted email service.",
        },
        "encrypted-attachment": "Email with an encrypted attachment",
        "secure-system": "A shared case management system or secure portal",
        phone: "By phone",
        meeting: "In person, for example at a meeting",
        post: "By post",
        other: { label: "Another way", revealsFields: ["methodOther"] },
      }),
    ),
    textField("methodOther", "How will you share it?"),
    textareaField(
      "securityMeasures",
      "How will you keep it secure?",
      "For example, checking the recipient's identity and email address, encrypting, marking it " +
        "OFFICIAL-SENSITIVE, or asking them to confirm receipt.",
    ),
  ],
  schema: z
    .strictObject({
      method: choice(SHARING_METHODS, "Select how you will share the information"),
      methodOther: optionalText("How you will share it"),
      securityMeasures: requiredTextarea(
        "Enter how you will keep the information secure",
        "How you will keep it secure",
      ),
    })
    .superRefine((value, ctx) =>
      requireWhen(value.method === "other", value, ctx, {
        methodOther: "Enter how you will share the information",
      }),
    )
    .transform((value) => dropWhen(value.method !== "other", value, ["methodOther"])),
});
