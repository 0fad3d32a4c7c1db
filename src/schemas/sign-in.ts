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

/** A plain path on this site: "/" then URL characters only (RFC 3986, printable ASCII, no backslash). */
const PLAIN_PATH = /^\/(?!\/)[A-Za-z0-9\-._~!$&'()*+,;=:@%/?#]*$/;

/**
 * Only plain same-site paths: an open redirect after sign-in would hand users to a phishing page.
 * Control characters and backslashes are refused anywhere: browsers drop tabs and newlines from
 * a URL and read "\\" as "/", so "/\t/evil.example" would become "//evil.example", another site.
 * Anything else outside printable ASCII is refused too: redirect() cannot put it in a Location
 * header (a non-ASCII path gave a 500 after a successful sign-in, issue 12).
 */
export function safeCallbackPath(raw: string | undefined | null): string | null {
  if (!raw || !PLAIN_PATH.test(raw)) return null;
  if (raw.startsWith("/sign-in") || raw.startsWith("/api/")) return null;
  return raw;
}
