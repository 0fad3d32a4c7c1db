import { z } from "zod";
import { JOINABLE_ROLES, issuerProblem, parseDomainList } from "@/domain/sso";

const checkbox = z
  .literal("yes", { error: "Select the box or leave it empty" })
  .optional()
  .transform((value) => value === "yes");

/** The admin's single sign-on form (decision 022). A blank client secret keeps the stored one. */
export const ssoConfigurationSchema = z
  .strictObject({
    // Kept exactly as entered: discovery requires the provider to name itself with this very string
    // (some issuers end in "/", most do not).
    issuer: z
      .string({ error: "Enter the issuer URL" })
      .trim()
      .min(1, { error: "Enter the issuer URL" })
      .max(500, { error: "The issuer URL must be 500 characters or fewer" })
      .superRefine((value, context) => {
        const problem = issuerProblem(value);
        if (problem) context.addIssue({ code: "custom", message: problem });
      }),
    clientId: z
      .string({ error: "Enter the client ID" })
      .trim()
      .min(1, { error: "Enter the client ID" })
      .max(255, { error: "The client ID must be 255 characters or fewer" }),
    clientSecret: z
      .string()
      .max(1000, { error: "The client secret must be 1000 characters or fewer" })
      .optional()
      .transform((value) => (value && value.length > 0 ? value : null)),
    domains: z
      .string({ error: "Enter at least one email domain" })
      .max(2000, { error: "The email domains must be 2000 characters or fewer" })
      .transform((value, context) => {
        const { domains, invalid } = parseDomainList(value);
        if (invalid.length > 0) {
          const shown = invalid.slice(0, 3).map((entry) => entry.slice(0, 60));
          context.addIssue({ code: "custom", message: `Enter email domains like example.gov.uk: ${shown.join(", ")}` });
        } else if (domains.length === 0) {
          context.addIssue({ code: "custom", message: "Enter at least one email domain" });
        }
        return domains;
      }),
    allowJoinByDomain: checkbox,
    joinRole: z.enum(JOINABLE_ROLES, { error: "Select the role people who join get" }).default("PRACTITIONER"),
    enforced: checkbox,
    breakGlassEmail: z
      .string()
      .trim()
      .toLowerCase()
      .max(254, { error: "The email address must be 254 characters or fewer" })
      .optional()
      .transform((value) => (value ? value : null)),
  })
  .superRefine((value, context) => {
    if (value.enforced && !value.breakGlassEmail) {
      context.addIssue({
        code: "custom",
        path: ["breakGlassEmail"],
        message: "Enter the email address of the admin who may still sign in with a password",
      });
    }
  });

export type SsoConfigurationInput = z.infer<typeof ssoConfigurationSchema>;

export const ssoStartSchema = z.strictObject({
  email: z
    .string({ error: "Enter your email address" })
    .trim()
    .min(1, { error: "Enter your email address" })
    .max(254, { error: "Enter an email address that is 254 characters or fewer" })
    .pipe(z.email({ error: "Enter an email address in the correct format, like name@example.gov.uk" })),
  callbackUrl: z.string().max(2000).optional(),
});
