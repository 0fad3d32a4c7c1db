import type { Metadata } from "next";
import { requirePermission } from "@/server/auth/current-actor";
import { loadSsoConfiguration, ssoEncryptionKey } from "@/server/sso/sso-configuration";
import { ssoRedirectUri } from "@/server/sso/start-sso-sign-in";
import { PageHeading, SuccessBanner, WarningText } from "@/components/layout-bits";
import { SsoConfigurationForm, TestConnectionForm } from "./SsoForms";
import { type PageProps, doneNotice } from "@/app/page-props";

export const metadata: Metadata = { title: "Single sign-on" };

export default async function SingleSignOnPage({ searchParams }: PageProps) {
  const admin = await requirePermission("sso.manage");
  const config = await loadSsoConfiguration(admin.organisationId);
  const notice = doneNotice(await searchParams, { saved: "Single sign-on settings saved." });
  return (
    // Long URLs (the hint's examples, the redirect URI) wrap rather than widen a 320 px window.
    <div className="max-w-[640px] [overflow-wrap:anywhere]">
      <SuccessBanner message={notice} />
      <PageHeading caption={admin.organisationName}>Single sign-on</PageHeading>
      <p className="govuk-body">
        People in your organisation can sign in with the account they already use at work (Microsoft Entra ID, Google
        Workspace or another OpenID Connect provider). Your identity provider then checks their second factor. Changes
        are recorded in the audit log.
      </p>
      {ssoEncryptionKey() ? null : (
        <WarningText>
          Single sign-on cannot be set up until whoever runs InfoShare sets an encryption key (SSO_ENCRYPTION_KEY).
        </WarningText>
      )}
      <SsoConfigurationForm
        redirectUri={ssoRedirectUri()}
        current={{
          issuer: config?.issuer ?? "",
          clientId: config?.clientId ?? "",
          clientSecretSet: config?.clientSecretSet ?? false,
          domains: config?.domains.join("\n") ?? "",
          allowJoinByDomain: config?.allowJoinByDomain ?? false,
          joinRole: config?.joinRole ?? "PRACTITIONER",
          enforced: config?.enforced ?? false,
          breakGlassEmail: config?.breakGlassEmail ?? "",
        }}
      />
      {config ? (
        <>
          <h2 className="govuk-heading-m">Check the connection</h2>
          <p className="govuk-body">
            InfoShare fetches your identity provider’s published settings for the saved issuer.
          </p>
          <TestConnectionForm />
        </>
      ) : null}
    </div>
  );
}
