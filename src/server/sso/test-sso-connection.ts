import "server-only";
import { type UseCaseResult, fail } from "@/domain/errors";
import type { SignedInUser } from "@/server/auth/current-actor";
import { recordAuditEvent, auditEntry } from "@/server/audit/append-audit-event";
import type { RequestMeta } from "@/server/infra/request-context";
import { discoverProvider } from "./identity-provider";
import { ssoSettingsFor } from "./sso-configuration";

/**
 * The admin's "Test connection": fetches the saved issuer's discovery document (openid-client
 * checks it names that issuer). Audited either way, with the reason of a failure.
 */
export async function testSsoConnection(
  user: SignedInUser,
  meta: RequestMeta,
): Promise<UseCaseResult<{ authorizationEndpoint: string }>> {
  const settings = await ssoSettingsFor(user.organisationId);
  if (!settings) return fail.conflict("Save your organisation’s single sign-on settings first");
  const audit = (outcome: "SUCCESS" | "FAILURE", detail: Record<string, unknown>) =>
    recordAuditEvent(
      auditEntry(user, meta, {
        action: "sso.test-connection",
        objectType: "organisation",
        objectId: user.organisationId,
        outcome,
        detail: { issuer: settings.issuer, ...detail },
      }),
    );
  try {
    const provider = await discoverProvider(settings);
    const authorizationEndpoint = provider.serverMetadata().authorization_endpoint ?? "";
    await audit("SUCCESS", { authorizationEndpoint });
    return { ok: true, authorizationEndpoint };
  } catch (error) {
    const reason = error instanceof Error ? error.message.slice(0, 300) : "unknown error";
    await audit("FAILURE", { reason });
    return fail.conflict(`InfoShare could not reach your identity provider: ${reason}`);
  }
}
