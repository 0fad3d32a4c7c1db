import "server-only";
import { type UseCaseResult, fail } from "@/domain/errors";
import { ssoConfigurationSchema } from "@/schemas/sso-configuration";
import type { SignedInUser } from "@/server/auth/current-actor";
import { appendAuditEvent, auditEntry } from "@/server/audit/append-audit-event";
import { db } from "@/server/infra/db";
import type { RequestMeta } from "@/server/infra/request-context";
import { fieldErrorsFrom } from "@/server/field-errors";
import { sealSecret } from "./secret-box";
import { loadSsoConfiguration, ssoEncryptionKey } from "./sso-configuration";

export const SSO_KEY_MISSING =
  "Single sign-on cannot be set up until the service has an encryption key (SSO_ENCRYPTION_KEY). " +
  "Ask whoever runs InfoShare to set it";

/**
 * Sets the organisation's OpenID Connect sign-in (decision 022). The pipeline has checked
 * sso.manage. The client secret is sealed before it is stored and never logged or audited; the
 * audit event holds the settings before and after, and whether the secret changed.
 */
export async function saveSsoConfiguration(
  user: SignedInUser,
  raw: unknown,
  meta: RequestMeta,
): Promise<UseCaseResult> {
  const key = ssoEncryptionKey();
  if (!key) return fail.conflict(SSO_KEY_MISSING);
  const parsed = ssoConfigurationSchema.safeParse(raw);
  if (!parsed.success) return fail.invalid(fieldErrorsFrom(parsed.error));
  const input = parsed.data;
  const organisationId = user.organisationId;

  return db().$transaction(async (tx): Promise<UseCaseResult> => {
    const before = await loadSsoConfiguration(organisationId, tx);
    const stored = await tx.organisationSso.findUnique({ where: { organisationId } });
    if (!input.clientSecret && !stored) {
      return fail.invalid([{ field: "clientSecret", message: "Enter the client secret" }]);
    }
    let breakGlassUserId: string | null = null;
    if (input.breakGlassEmail) {
      const admin = await tx.user.findUnique({ where: { email: input.breakGlassEmail } });
      if (!admin || admin.organisationId !== organisationId || admin.role !== "ADMIN" || admin.disabledAt) {
        return fail.invalid([
          { field: "breakGlassEmail", message: "Enter the email address of an active admin in your organisation" },
        ]);
      }
      breakGlassUserId = admin.id;
    }
    const taken = await tx.ssoEmailDomain.findMany({
      where: { domain: { in: input.domains }, organisationId: { not: organisationId } },
    });
    if (taken.length > 0) {
      const names = taken.map((entry) => entry.domain).join(", ");
      return fail.conflict(`Another organisation already signs in people with ${names}`, "domains");
    }

    const clientSecretEncrypted = input.clientSecret
      ? sealSecret(input.clientSecret, key, organisationId)
      : (stored?.clientSecretEncrypted ?? "");
    const settings = {
      issuer: input.issuer,
      clientId: input.clientId,
      clientSecretEncrypted,
      allowJoinByDomain: input.allowJoinByDomain,
      joinRole: input.joinRole,
      enforced: input.enforced,
      breakGlassUserId,
      updatedAt: new Date(),
    };
    await tx.organisationSso.upsert({
      where: { organisationId },
      create: { organisationId, ...settings },
      update: settings,
    });
    await tx.ssoEmailDomain.deleteMany({ where: { organisationId } });
    await tx.ssoEmailDomain.createMany({ data: input.domains.map((domain) => ({ domain, organisationId })) });
    const after = await loadSsoConfiguration(organisationId, tx);
    await appendAuditEvent(
      tx,
      auditEntry(user, meta, {
        action: "sso.configure",
        objectType: "organisation",
        objectId: organisationId,
        outcome: "SUCCESS",
        detail: { before: { ...before }, after: { ...after }, clientSecretChanged: input.clientSecret !== null },
      }),
    );
    return { ok: true };
  });
}
