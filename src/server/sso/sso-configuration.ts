import "server-only";
import type { JoinableRole } from "@/domain/sso";
import { env } from "@/server/infra/env";
import { type Db, type Tx, db } from "@/server/infra/db";
import { openSecret } from "./secret-box";
import type { ProviderSettings } from "./identity-provider";

/** What the admin's page shows: never the client secret, only whether one is set. */
export interface SsoConfigurationView {
  issuer: string;
  clientId: string;
  clientSecretSet: boolean;
  domains: string[];
  allowJoinByDomain: boolean;
  joinRole: JoinableRole;
  enforced: boolean;
  breakGlassEmail: string | null;
}

export async function loadSsoConfiguration(
  organisationId: string,
  client: Db | Tx = db(),
): Promise<SsoConfigurationView | null> {
  const row = await client.organisationSso.findUnique({
    where: { organisationId },
    include: { breakGlassUser: { select: { email: true } }, organisation: { select: { ssoDomains: true } } },
  });
  if (!row) return null;
  return {
    issuer: row.issuer,
    clientId: row.clientId,
    clientSecretSet: row.clientSecretEncrypted.length > 0,
    domains: row.organisation.ssoDomains.map((entry) => entry.domain).sort(),
    allowJoinByDomain: row.allowJoinByDomain,
    joinRole: row.joinRole === "SUPERVISOR" ? "SUPERVISOR" : "PRACTITIONER",
    enforced: row.enforced,
    breakGlassEmail: row.breakGlassUser?.email ?? null,
  };
}

/** Single sign-on needs the key that seals client secrets; without it the feature is off. */
export function ssoEncryptionKey(): string | null {
  return env().SSO_ENCRYPTION_KEY ?? null;
}

export interface SsoSignInSettings extends ProviderSettings {
  organisationId: string;
  domains: string[];
  allowJoinByDomain: boolean;
  joinRole: JoinableRole;
}

/** The provider and rules of one organisation, secret opened; null when it has no single sign-on. */
export async function ssoSettingsFor(organisationId: string): Promise<SsoSignInSettings | null> {
  const key = ssoEncryptionKey();
  if (!key) return null;
  const row = await db().organisationSso.findUnique({
    where: { organisationId },
    include: { organisation: { select: { ssoDomains: true } } },
  });
  if (!row) return null;
  return {
    organisationId,
    issuer: row.issuer,
    clientId: row.clientId,
    clientSecret: openSecret(row.clientSecretEncrypted, key, organisationId),
    domains: row.organisation.ssoDomains.map((entry) => entry.domain),
    allowJoinByDomain: row.allowJoinByDomain,
    joinRole: row.joinRole === "SUPERVISOR" ? "SUPERVISOR" : "PRACTITIONER",
  };
}

/** The organisation whose provider signs in people of this email domain, if any. */
export async function organisationForDomain(domain: string): Promise<string | null> {
  const row = await db().ssoEmailDomain.findUnique({ where: { domain } });
  return row?.organisationId ?? null;
}

/** For password sign-in: the organisation's enforcement, if it has single sign-on. */
export async function ssoEnforcement(
  organisationId: string,
): Promise<{ enforced: boolean; breakGlassUserId: string | null } | null> {
  return db().organisationSso.findUnique({
    where: { organisationId },
    select: { enforced: true, breakGlassUserId: true },
  });
}
