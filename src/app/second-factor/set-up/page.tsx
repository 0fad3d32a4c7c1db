import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { homePathFor } from "@/domain/policy";
import { requirePasswordVerifiedUser, currentSessionId } from "@/server/auth/current-actor";
import { startTotpEnrolment } from "@/server/second-factor/start-totp-enrolment";
import { PageHeading } from "@/components/layout-bits";
import { confirmTotpAction } from "../actions";
import { CodeForm } from "../CodeForm";
import { callbackFrom } from "../callback";
import { PasskeyRegistration } from "../Passkeys";
import { SignOutButton } from "../SignOutButton";
import type { PageProps } from "@/app/page-props";

export const metadata: Metadata = { title: "Set up your second factor" };

/**
 * Enrolment: during signing in for someone who must have a second factor and has none, or from
 * the manage page. The QR code is an SVG made on the server (no JavaScript needed); the secret is
 * shown as text too, for people who cannot scan.
 */
export default async function SetUpPage({ searchParams }: PageProps) {
  const { user, pending } = await requirePasswordVerifiedUser();
  const callbackUrl = callbackFrom(await searchParams);
  const enrolment = await startTotpEnrolment(user, await currentSessionId());
  if (enrolment.status === "verify-first") redirect("/second-factor");
  const next = pending ? (callbackUrl ?? homePathFor(user.role)) : "/second-factor/manage";
  // Not a redirect once enrolled: the action that confirms the app re-renders this page (the proxy
  // slides the cookie), and the recovery codes it shows live in the code form, kept at its place.
  const enrolled = enrolment.status === "enrolled";
  const grouped = enrolled ? "" : (enrolment.secret.match(/.{1,4}/g)?.join(" ") ?? enrolment.secret);
  return (
    <div className="max-w-[640px]">
      <PageHeading caption={pending ? "Signing in" : undefined}>Set up your second factor</PageHeading>
      {pending ? (
        <p className="govuk-body">
          Your organisation asks everyone who can see children’s information to prove it’s them with something they
          have, as well as their password. You only need to set this up once.
        </p>
      ) : null}
      {enrolled ? <p className="govuk-body">Your authenticator app is set up.</p> : null}
      {enrolled ? null : <h2 className="govuk-heading-m">Use an authenticator app</h2>}
      {enrolled ? null : (
        <ol className="govuk-list govuk-list--number list-decimal pl-5">
          <li>Open an authenticator app on your phone, such as Microsoft Authenticator or Google Authenticator.</li>
          <li>Add an account and scan this QR code.</li>
        </ol>
      )}
      {enrolled ? null : (
        <div
          className="mb-6 w-[200px] max-w-full"
          role="img"
          aria-label="QR code for your authenticator app"
          dangerouslySetInnerHTML={{ __html: enrolment.qrSvg }}
        />
      )}
      {enrolled ? null : (
        <details className="govuk-details mb-6">
          <summary className="govuk-details__summary cursor-pointer text-govuk-link underline">
            I cannot scan the QR code
          </summary>
          <div className="govuk-details__text mt-2 border-l-[5px] border-govuk-border pl-4">
            <p className="govuk-body">Choose to enter a key instead, and type:</p>
            <p className="govuk-body break-all font-mono font-bold" data-testid="totp-secret">
              {grouped}
            </p>
            <p className="govuk-body">Choose a time-based code if your app asks.</p>
          </div>
        </details>
      )}
      <CodeForm
        action={confirmTotpAction}
        label="Enter the 6-digit code your app now shows"
        hint="For example 123456"
        submitLabel="Check code and continue"
        callbackUrl={callbackUrl}
        doneHref={enrolled ? next : undefined}
      />
      {enrolled ? null : <PasskeyRegistration next={next} />}
      {pending ? <SignOutButton /> : null}
    </div>
  );
}
