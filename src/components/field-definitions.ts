import type { FieldDefinition, FieldOption } from "@/domain/wizard";
import { radiosField } from "@/domain/wizard/fields";

/** An option of `choiceWithFollowUps`: chosen, it shows the one field that asks what follows from it. */
export interface OptionWithFollowUp extends Omit<FieldOption, "revealsFields"> {
  followUp: FieldDefinition;
}

/**
 * A question answered by choosing one option, each option revealing its own follow-up field (GOV.UK
 * conditional reveal): the radios, then the follow-ups, so that each revealed name is a field of the form.
 */
export function choiceWithFollowUps(
  name: string,
  label: string,
  options: readonly OptionWithFollowUp[],
): FieldDefinition[] {
  return [
    radiosField(
      name,
      label,
      options.map(({ followUp, ...option }) => ({ ...option, revealsFields: [followUp.name] })),
    ),
    ...options.map((option) => option.followUp),
  ];
}
