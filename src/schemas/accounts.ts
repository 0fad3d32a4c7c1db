import { z } from "zod";
import { ORGANISATION_KINDS } from "@/domain/lawful-basis/organisation";
import { ROLES } from "@/domain/policy";

// Forms of first-run set-up, invitations and password reset (decision 019). The password's own
// rules are the domain's (src/domain/accounts/password-policy.ts), checked after these.

const email = z
  .string({ error: "Enter an email address" })
  .trim()
  .min(1, "Enter an email address")
  .max(254, "Email address must be 254 characters or fewer")
  .pipe(z.email({ error: "Enter an email address in the correct format, like name@example.gov.uk" }))
  .transform((value) => value.toLowerCase());

const personName = z
  .string({ error: "Enter a full name" })
  .trim()
  .min(1, "Enter a full name")
  .max(120, "Full name must be 120 characters or fewer");

const newPassword = {
  // Not trimmed: spaces are part of a passphrase. The policy checks the length.
  password: z.string({ error: "Enter a password" }).min(1, "Enter a password").max(1000, "Password is too long"),
  confirmPassword: z.string({ error: "Confirm the password" }).max(1000, "Password is too long"),
};

const token = z.string().max(100);

export const setupSchema = z
  .object({
    token,
    organisationName: z
      .string({ error: "Enter the organisation's name" })
      .trim()
      .min(1, "Enter the organisation's name")
      .max(200, "Organisation name must be 200 characters or fewer"),
    kind: z.enum(ORGANISATION_KINDS, { error: "Choose what kind of organisation it is" }),
    name: personName,
    email,
    ...newPassword,
  })
  .strict();

export const inviteSchema = z
  .object({
    name: personName,
    email,
    role: z.enum(ROLES, { error: "Choose a role" }),
    // "" for no team.
    teamId: z.union([z.literal(""), z.uuid({ error: "Choose a team" })]).default(""),
  })
  .strict();
export type InviteInput = z.infer<typeof inviteSchema>;

export const invitationIdSchema = z.object({ invitationId: z.uuid({ error: "Choose an invitation" }) }).strict();

export const acceptInvitationSchema = z.object({ token, ...newPassword }).strict();

export const requestPasswordResetSchema = z.object({ email }).strict();

export const resetPasswordSchema = z.object({ token, ...newPassword }).strict();

export const importCsvSchema = z
  .object({
    csv: z
      .string({ error: "Choose a CSV file or paste its rows" })
      .max(200_000, "The CSV must be 200 KB or smaller: split it into several imports"),
  })
  .strict();
