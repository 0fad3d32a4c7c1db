import { z } from "zod";
import { ORGANISATION_KINDS } from "@/domain/lawful-basis";
import { ROLES } from "@/domain/policy";
import { tidyTeamName } from "@/domain/administration";

export const ORGANISATION_NAME_MAX_LENGTH = 120;
export const TEAM_NAME_MAX_LENGTH = 80;

const noNul = (value: string) => !value.includes("\u0000");

export const organisationProfileSchema = z.strictObject({
  name: z
    .string({ error: "Enter the organisation's name" })
    .trim()
    .min(1, { error: "Enter the organisation's name" })
    .max(ORGANISATION_NAME_MAX_LENGTH, {
      error: `The organisation's name must be ${ORGANISATION_NAME_MAX_LENGTH} characters or fewer`,
    })
    .refine(noNul, { error: "Remove the invisible characters from the name" }),
  kind: z.enum(ORGANISATION_KINDS, { error: "Select what kind of organisation this is" }),
});

const teamName = z
  .string({ error: "Enter a name for the team" })
  .transform(tidyTeamName)
  .pipe(
    z
      .string()
      .min(1, { error: "Enter a name for the team" })
      .max(TEAM_NAME_MAX_LENGTH, { error: `The team's name must be ${TEAM_NAME_MAX_LENGTH} characters or fewer` })
      .refine(noNul, { error: "Remove the invisible characters from the name" }),
  );

const uuid = (what: string) => z.uuid({ error: `Choose a ${what}` });

export const createTeamSchema = z.strictObject({ name: teamName });
export const renameTeamSchema = z.strictObject({ teamId: uuid("team"), name: teamName });
export const setTeamArchivedSchema = z.strictObject({
  teamId: uuid("team"),
  archived: z.enum(["yes", "no"], { error: "Choose archive or unarchive" }),
});

/** "none" takes the person out of every team. */
export const NO_TEAM = "none";

export const changePersonAssignmentSchema = z.strictObject({
  userId: uuid("person"),
  role: z.enum(ROLES, { error: "Select a role" }),
  teamId: z.union([z.literal(NO_TEAM), uuid("team")], { error: "Select a team, or no team" }),
});

export const PERSON_STATUSES = ["active", "deactivated"] as const;

/** The people list's filters, from the page's query string: anything unrecognised is ignored. */
export const peopleFilterSchema = z.object({
  q: z
    .string()
    .trim()
    .max(100)
    .optional()
    .catch(undefined)
    .transform((value) => value || undefined),
  role: z.enum(ROLES).optional().catch(undefined),
  team: z
    .union([z.literal(NO_TEAM), z.uuid()])
    .optional()
    .catch(undefined),
  status: z.enum(PERSON_STATUSES).optional().catch(undefined),
});

/** Every filter is optional: none lists everyone. */
export type PeopleFilter = {
  [Key in keyof z.infer<typeof peopleFilterSchema>]?: z.infer<typeof peopleFilterSchema>[Key];
};
