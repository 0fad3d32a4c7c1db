import { z } from "zod";

const days = (label: string) =>
  z.coerce
    .number({ error: `Enter the number of days to review ${label}` })
    .int({ error: `Enter a whole number of days to review ${label}` })
    .min(1, { error: `Days to review ${label} must be at least 1` })
    .max(365, { error: `Days to review ${label} must be 365 or fewer` });

export const organisationSettingsSchema = z.strictObject({
  reviewWithinDaysEmergency: days("emergency decisions"),
  reviewWithinDaysFlagged: days("flagged decisions"),
  reviewWithinDaysRoutine: days("other decisions"),
  retentionYears: z.coerce
    .number({ error: "Enter how many years to keep records" })
    .int({ error: "Enter a whole number of years" })
    .min(1, { error: "Records must be kept for at least 1 year" })
    .max(100, { error: "Years to keep records must be 100 or fewer" }),
});

export type OrganisationSettingsInput = z.infer<typeof organisationSettingsSchema>;
