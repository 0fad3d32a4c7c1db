import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { homePathFor } from "@/domain/policy";
import { safeCallbackPath } from "@/schemas/sign-in";
import { currentSession } from "@/server/auth/current-actor";
import { NotificationBanner } from "@/components/layout-bits";
import { SignInForm } from "./SignInForm";
import { TITLE_FROM_FORM } from "@/components/page-title";
import type { PageProps } from "@/app/page-props";

// SignInForm renders the title, with "Error: " when the form comes back with errors.
export const metadata: Metadata = TITLE_FROM_FORM;

const REASONS: Record<string, string> = {
  timeout: "You were signed out because you had not done anything for a while. Your saved answers are kept.",
  revoked:
    "Your session has ended because your account was changed or disabled. " +
    "Sign in again, or contact your service administrator.",
  "signed-out": "You have signed out.",
  // After the one-time links of decision 019.
  "set-up": "InfoShare is set up. Sign in as the administrator to invite your colleagues.",
  "account-created": "Your account is ready. Sign in with your email address and new password.",
  "password-changed": "Your password has been changed, and every other session ended. Sign in with the new one.",
};

export default async function SignInPage({ searchParams }: PageProps) {
  const params = await searchParams;
  const session = await currentSession();
  if (session.status === "signed-in") redirect(homePathFor(session.user.role));
  const reason = typeof params.reason === "string" ? REASONS[params.reason] : undefined;
  const callbackUrl = safeCallbackPath(typeof params.callbackUrl === "string" ? params.callbackUrl : null);
  return (
    <div className="max-w-[640px]">
      {reason ? <NotificationBanner>{reason}</NotificationBanner> : null}
      <SignInForm callbackUrl={callbackUrl} />
      <p className="govuk-body">
        <Link href="/password-reset">Forgotten your password?</Link>
      </p>
      <p className="govuk-body">
        <Link
          href={
            callbackUrl
              ? `/sign-in/organisation?callbackUrl=${encodeURIComponent(callbackUrl)}`
              : "/sign-in/organisation"
          }
          className="govuk-link"
        >
          Sign in with your organisation’s account
        </Link>
      </p>
      <h2 className="govuk-heading-m">Problems signing in</h2>
      <p className="govuk-body">
        Contact your organisation’s InfoShare administrator. If a child is at immediate risk, do not wait: contact
        children’s social care or call 999.
      </p>
    </div>
  );
}
