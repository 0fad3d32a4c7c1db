import { z } from "zod";

export const signInSchema = z
  .object({
    email: z
      .string({ error: "Enter your email address" })
      .trim()
      .min(1, "Enter your email address")
      .max(254, "Email address must be 254 characters or fewer")
      .pipe(z.email({ error: "Enter an email address in the correct format, like name@example.gov.uk" })),
    password: z
      .string({ error: "Enter your password" })
      .min(1, "Enter your password")
      .max(200, "Password must be 200 characters or fewer"),
    callbackUrl: z.string().max(500).optional(),
  })
  .strict();

export type SignInInput = z.infer<typeof signInSchema>;

/**
 * Only same-site paths: an open redirect after sign-in would hand users to a phishing page.
 * Control characters and backslashes are refused anywhere: browsers drop tabs and newlines from
 * a URL and read "\\" as "/", so "/\t/evil.example" would become "//evil.example", another site.
 */
export function safeCallbackPath(raw: string | undefined | null): string | null {
  if (!raw || !raw.startsWith("/") || raw.startsWith("//") || /[\u0000-\u001f\u007f\\]/.test(raw)) return null;
  if (raw.startsWith("/sign-in") || raw.startsWith("/api/")) return null;
  return raw;
}
