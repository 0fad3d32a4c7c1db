// Single sign-on rules (decision 022): which organisation an email signs in through, who may sign
// in with what the identity provider says, and when a password is refused. Pure: no I/O.
import type { Role } from "@/domain/policy";

/** Roles a person who joins by email domain may be given: never a role that administers or audits. */
export const JOINABLE_ROLES = ["PRACTITIONER", "SUPERVISOR"] as const satisfies readonly Role[];
export type JoinableRole = (typeof JOINABLE_ROLES)[number];

// A DNS name of two or more labels (letters, digits, hyphens; no leading or trailing hyphen).
const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/;

export function isEmailDomain(value: string): boolean {
  return DOMAIN.test(value);
}

/** The lower-cased domain of an email address, or null when it has none. */
export function emailDomain(email: string): string | null {
  const at = email.lastIndexOf("@");
  if (at < 1) return null;
  const domain = email
    .slice(at + 1)
    .trim()
    .toLowerCase();
  return isEmailDomain(domain) ? domain : null;
}

/** Domains as an admin types them: separated by commas, spaces or lines; "@" prefixes dropped. */
export function parseDomainList(text: string): { domains: string[]; invalid: string[] } {
  const entries = text
    .split(/[\s,;]+/)
    .map((entry) => entry.trim().toLowerCase().replace(/^@/, ""))
    .filter((entry) => entry.length > 0);
  const unique = [...new Set(entries)];
  return { domains: unique.filter(isEmailDomain), invalid: unique.filter((entry) => !isEmailDomain(entry)) };
}

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * An issuer must be https. Plain http is accepted only on this machine's loopback (a provider run
 * by the tests or a developer), where nothing travels over a network.
 */
export function issuerProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "Enter the issuer URL in the correct format, like https://login.microsoftonline.com/<tenant>/v2.0";
  }
  if (url.search || url.hash) return "The issuer URL must not have a query or a fragment";
  if (url.username || url.password) return "The issuer URL must not contain a user name or password";
  if (url.protocol === "https:") return null;
  if (url.protocol === "http:" && LOOPBACK_HOSTS.has(url.hostname)) return null;
  return "The issuer URL must start with https://";
}

export function allowsInsecureHttp(issuer: string): boolean {
  const url = new URL(issuer);
  return url.protocol === "http:" && LOOPBACK_HOSTS.has(url.hostname);
}

/** What the identity provider told us about the person, from the verified ID token. */
export interface ProviderIdentity {
  email: unknown;
  emailVerified: unknown;
}

export interface SsoPolicy {
  organisationId: string;
  allowedDomains: readonly string[];
  allowJoinByDomain: boolean;
}

export interface KnownUser {
  organisationId: string;
  disabled: boolean;
}

export type SsoRefusal =
  "no-email" | "email-not-verified" | "domain-not-allowed" | "other-organisation" | "account-disabled" | "not-invited";

export type SsoVerdict =
  | { kind: "sign-in"; email: string }
  | { kind: "join"; email: string }
  | { kind: "refuse"; reason: SsoRefusal; email: string | null };

/**
 * Whether the person the provider vouched for may sign in. The email must be present, verified by
 * the provider and in one of the organisation's domains; the account must exist in this
 * organisation and be enabled, unless the organisation lets people join by domain.
 * `pendingInvitation` is for invitations (issue 10): an invited person has no account yet.
 */
export function ssoVerdict(
  identity: ProviderIdentity,
  policy: SsoPolicy,
  user: KnownUser | null,
  pendingInvitation = false,
): SsoVerdict {
  if (typeof identity.email !== "string" || identity.email.length === 0) {
    return { kind: "refuse", reason: "no-email", email: null };
  }
  const email = identity.email.trim().toLowerCase();
  // Only a provider's explicit true counts: a missing claim is not verification.
  if (identity.emailVerified !== true) return { kind: "refuse", reason: "email-not-verified", email };
  const domain = emailDomain(email);
  if (!domain || !policy.allowedDomains.includes(domain))
    return { kind: "refuse", reason: "domain-not-allowed", email };
  if (user) {
    if (user.organisationId !== policy.organisationId) return { kind: "refuse", reason: "other-organisation", email };
    if (user.disabled) return { kind: "refuse", reason: "account-disabled", email };
    return { kind: "sign-in", email };
  }
  if (policy.allowJoinByDomain || pendingInvitation) return { kind: "join", email };
  return { kind: "refuse", reason: "not-invited", email };
}

/** What a refused person is told: enough to act on, nothing about other people's accounts. */
export const SSO_REFUSAL_MESSAGES: Record<SsoRefusal, string> = {
  "no-email": "Your organisation’s account did not give an email address. Contact your service administrator",
  "email-not-verified":
    "Your organisation’s account has not confirmed your email address. Contact your service administrator",
  "domain-not-allowed":
    "Your email address is not one your organisation has set up for InfoShare. Contact your service administrator",
  "other-organisation":
    "Your email address is not one your organisation has set up for InfoShare. Contact your service administrator",
  "account-disabled": "Your account has been disabled. Contact your service administrator",
  "not-invited":
    "You do not have an InfoShare account yet. Ask your service administrator to invite you, then sign in again",
};

/**
 * When an organisation enforces single sign-on, its people may not use a password, except the one
 * named break-glass admin (for when the provider itself is down or misconfigured).
 */
export function passwordRefusedBySso(
  config: { enforced: boolean; breakGlassUserId: string | null } | null,
  userId: string,
): boolean {
  return config !== null && config.enforced && config.breakGlassUserId !== userId;
}
