import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { homePathFor } from "@/domain/policy";
import { callbackFrom } from "./callback";
import { requirePasswordVerifiedUser } from "@/server/auth/current-actor";
import { hasSecondFactor, loadSecondFactorState } from "@/server/second-factor/second-factor-state";
import { PageHeading } from "@/components/layout-bits";
import { verifyTotpAction } from "./actions";
import { CodeForm } from "./CodeForm";
import { PasskeySignIn } from "./Passkeys";
import { SignOutButton } from "./SignOutButton";

export const metadata: Metadata = { title: "Check it’s you" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The second step of signing in (decision 021): a code from the app, a passkey or a recovery code. */
export default async function SecondFactorPage({ searchParams }: { searchParams: SearchParams }) {
  const { user, pending } = await requirePasswordVerifiedUser();
  const callbackUrl = callbackFrom(await searchParams);
  // Already complete: through the handler that re-issues the cookie without its "pending" claim, as a
  // stale claim would otherwise send the proxy back here from every page (a redirect loop).
  if (!pending) {
    redirect(`/api/second-factor/continue?next=${encodeURIComponent(callbackUrl ?? homePathFor(user.role))}`);
  }
  const state = await loadSecondFactorState(user);
  const query = callbackUrl ? `?callbackUrl=${encodeURIComponent(callbackUrl)}` : "";
  if (!hasSecondFactor(state)) redirect(`/second-factor/set-up${query}`);
  return (
    <div className="max-w-[640px]">
      <PageHeading>Check it’s you</PageHeading>
      {state.passkeys.length > 0 ? (
        <>
          <p className="govuk-body">Use the passkey you set up for InfoShare on this device or a security key.</p>
          <PasskeySignIn next={callbackUrl ?? homePathFor(user.role)} />
        </>
      ) : null}
      {state.totp ? (
        <>
          {state.passkeys.length > 0 ? <h2 className="govuk-heading-m">Or use your authenticator app</h2> : null}
          <CodeForm
            action={verifyTotpAction}
            label="Enter the code from your authenticator app"
            hint="The 6-digit code your app shows for InfoShare, for example 123456"
            submitLabel="Continue"
            callbackUrl={callbackUrl}
          />
        </>
      ) : null}
      <p className="govuk-body">
        <Link href={`/second-factor/recovery-code${query}`} className="govuk-link">
          Use a recovery code instead
        </Link>
      </p>
      <p className="govuk-body">
        Lost your phone or passkey and your recovery codes? Ask your organisation’s InfoShare administrator to reset
        your second factor.
      </p>
      <SignOutButton />
    </div>
  );
}
