import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/server/auth/current-actor";
import { loadSecondFactorState } from "@/server/second-factor/second-factor-state";
import { NotificationBanner, PageHeading, SuccessBanner, SummaryList } from "@/components/layout-bits";
import { formatDateTime } from "@/components/format";
import { LinkButtonForm } from "@/components/LinkButtonForm";
import { regenerateRecoveryCodesAction, removePasskeyAction } from "../actions";
import { RegenerateCodesForm } from "../CodeForm";
import { PasskeyRegistration } from "../Passkeys";
import { type PageProps, doneNotice } from "@/app/page-props";

export const metadata: Metadata = { title: "Your second factor" };

export default async function ManageSecondFactorPage({ searchParams }: PageProps) {
  const user = await requireUser();
  const params = await searchParams;
  const state = await loadSecondFactorState(user);
  const usedRecoveryCode = typeof params.recoveryCodesLeft === "string";
  return (
    <div className="max-w-[760px]">
      {usedRecoveryCode ? (
        <NotificationBanner>
          <p className="font-bold">
            You signed in with a recovery code. You have {state.recoveryCodesLeft} recovery code
            {state.recoveryCodesLeft === 1 ? "" : "s"} left.
          </p>
          <p>If you have lost your phone or passkey, set up a new one and make new recovery codes.</p>
        </NotificationBanner>
      ) : null}
      <SuccessBanner message={doneNotice(params, { "passkey-removed": "Passkey removed." })} />
      <PageHeading>Your second factor</PageHeading>
      <p className="govuk-body">
        {state.required
          ? "You must use a second factor when you sign in."
          : "Your organisation does not require a second factor, but you can use one to protect your account."}
      </p>
      <SummaryList
        rows={[
          {
            key: "Authenticator app",
            value: state.totp ? "Set up" : "Not set up",
            action: state.totp
              ? undefined
              : { href: "/second-factor/set-up", label: "Set up", visuallyHidden: "an authenticator app" },
          },
          { key: "Passkeys", value: state.passkeys.length === 0 ? "None" : String(state.passkeys.length) },
          { key: "Recovery codes left", value: String(state.recoveryCodesLeft) },
        ]}
      />
      {state.passkeys.length > 0 ? (
        <>
          <h2 className="govuk-heading-m">Your passkeys</h2>
          <ul className="govuk-list mb-8" data-testid="passkeys">
            {state.passkeys.map((passkey) => (
              <li key={passkey.id} className="border-b border-govuk-border py-2.5">
                <span className="font-bold">{passkey.name}</span>
                <span className="block text-govuk-secondary">
                  Added {formatDateTime(passkey.createdAt)}
                  {passkey.lastUsedAt ? `, last used ${formatDateTime(passkey.lastUsedAt)}` : ""}
                </span>
                <LinkButtonForm
                  action={removePasskeyAction}
                  hidden={{ passkeyId: passkey.id }}
                  label="Remove"
                  itemName={`passkey ${passkey.name}`}
                />
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <PasskeyRegistration next="/second-factor/manage" />
      {state.totp || state.passkeys.length > 0 ? (
        <>
          <h2 className="govuk-heading-m">Recovery codes</h2>
          <p className="govuk-body">
            Making new codes stops the old ones working. Do it if you have used most of them or think someone has seen
            them.
          </p>
          <RegenerateCodesForm action={regenerateRecoveryCodesAction} />
        </>
      ) : null}
      <p className="govuk-body">
        <Link href="/sessions" className="govuk-link">
          Your sessions
        </Link>
      </p>
    </div>
  );
}
