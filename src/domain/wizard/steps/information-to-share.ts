import { z } from "zod";
import { CHECKLIST_PRINCIPLE_IDS, PRINCIPLES } from "../../guidance";
import { FACT_AND_OPINION, HISTORICAL_INFORMATION } from "../answers";
import {
  NO_NAMES_HINT,
  textareaField,
  checkboxList,
  choice,
  optionsFrom,
  withoutUndefined,
  radiosField,
  optionalTextarea,
} from "../fields";
import { missingIssue, defineStep, requiredTextarea } from "./shared";

const PRINCIPLES_MISSING = "Confirm that the information meets every principle, or change what you will share";

export const informationToShare = defineStep("information-to-share", "Sharing safely", {
  title: "What information will you share?",
  hint: "Share only what the person receiving it needs. You will rarely need to send a whole record.",
  ruleIds: ["share-only-what-is-needed"],
  fields: [
    textareaField(
      "informationDescription",
      "Describe exactly what you will share",
      "Say which parts are fact and which are opinion, and mark anything historical with when it happened. " +
        `${NO_NAMES_HINT}`,
    ),
    textareaField(
      "informationWithheld",
      "What are you leaving out, and why?",
      "For example, details that could identify someone who needs protecting.",
      "optional",
    ),
    radiosField(
      "factAndOpinion",
      "Does it include opinion as well as fact?",
      optionsFrom(FACT_AND_OPINION, {
        "facts-only": "No, it is all fact",
        "facts-and-opinion-marked": "Yes, and I have made clear which parts are opinion",
      }),
    ),
    radiosField(
      "historicalInformation",
      "Does it include historical information?",
      optionsFrom(HISTORICAL_INFORMATION, {
        none: "No",
        "included-and-marked": "Yes, and I have marked it as historical",
      }),
    ),
    {
      name: "principlesConfirmed",
      kind: "checkboxes",
      label: "Confirm that the information you will share is:",
      hint: "Select every statement. If you cannot, change what you will share.",
      options: CHECKLIST_PRINCIPLE_IDS.map((id) => {
        const principle = PRINCIPLES.find((candidate) => candidate.id === id);
        return { value: id, label: principle?.confirmation ?? id, hint: principle?.explanation ?? "" };
      }),
    },
  ],
  schema: z
    .strictObject({
      informationDescription: requiredTextarea(
        "Enter what information you will share",
        "Description of the information",
      ),
      informationWithheld: optionalTextarea("What you are leaving out"),
      factAndOpinion: choice(FACT_AND_OPINION, "Select whether the information includes opinion as well as fact"),
      historicalInformation: choice(
        HISTORICAL_INFORMATION,
        "Select whether the information includes historical information",
      ),
      principlesConfirmed: checkboxList(CHECKLIST_PRINCIPLE_IDS, { missing: PRINCIPLES_MISSING }),
    })
    .superRefine((value, ctx) => {
      if (CHECKLIST_PRINCIPLE_IDS.some((id) => !value.principlesConfirmed.includes(id))) {
        missingIssue(ctx, "principlesConfirmed", PRINCIPLES_MISSING);
      }
    })
    .transform((value) =>
      withoutUndefined({
        ...value,
        // Stored in checklist order so identical answers compare equal.
        principlesConfirmed: CHECKLIST_PRINCIPLE_IDS.filter((id) => value.principlesConfirmed.includes(id)),
      }),
    ),
});
