import "server-only";
import { z } from "zod";

// The only place that reads process.env. Parsed lazily so `next build` can import route modules
// without a database configured.
const envSchema = z.object({
  DATABASE_URL: z
    .string({ error: "DATABASE_URL is not set. `npm start` sets it for you; otherwise point it at PostgreSQL." })
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgresql:// connection URL"),
  NEXTAUTH_SECRET: z
    .string({
      error: "NEXTAUTH_SECRET is not set. `npm start` generates one; in production set a random 32+ character value.",
    })
    .min(32, "NEXTAUTH_SECRET must be at least 32 characters"),
  NEXTAUTH_URL: z.url({ error: "NEXTAUTH_URL must be a full URL such as https://infoshare.example.gov.uk" }).optional(),
  SESSION_IDLE_MINUTES: z.coerce
    .number({ error: "SESSION_IDLE_MINUTES must be a number of minutes" })
    .int()
    .min(1, "SESSION_IDLE_MINUTES must be at least 1")
    .max(720, "SESSION_IDLE_MINUTES must be at most 720 (12 hours)")
    .default(30),
  SESSION_WARNING_SECONDS: z.coerce.number().int().min(10).max(3600).default(120),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  // Email (decision 019): without SMTP_URL email stays queued in the outbox, unsent.
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "SMTP_URL must be an smtp:// or smtps:// URL, e.g. smtps://user:pass@smtp.example:465")
    .optional(),
  MAIL_FROM: z.string().min(3).default("InfoShare <no-reply@infoshare.invalid>"),
  // Encrypts organisations' single sign-on client secrets (decision 022): 32 random bytes, base64.
  // Optional: without it single sign-on cannot be set up or used; `npm start` generates one.
  SSO_ENCRYPTION_KEY: z
    .string()
    .refine((value) => Buffer.from(value, "base64").length === 32, {
      error: "SSO_ENCRYPTION_KEY must be 32 random bytes in base64 (e.g. `openssl rand -base64 32`)",
    })
    .optional(),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  - ${issue.path.join(".") || "env"}: ${issue.message}`);
    throw new Error(`InfoShare configuration is invalid:\n${problems.join("\n")}`);
  }
  return result.data;
}

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

export function usesSecureCookies(): boolean {
  return env().NEXTAUTH_URL?.startsWith("https://") ?? false;
}
