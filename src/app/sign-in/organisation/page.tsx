import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { homePathFor } from "@/domain/policy";
import { safeCallbackPath } from "@/schemas/sign-in";
import { currentSession } from "@/server/auth/current-actor";
import { ssoProblemMessage } from "@/server/sso/finish-sso-sign-in";
import { SsoSignInForm } from "./SsoSignInForm";
import type { PageProps } from "@/app/page-props";

export const metadata: Metadata = { title: "Sign in with your organisation’s account" };

export default async function OrganisationSignInPage({ searchParams }: PageProps) {
  const params = await searchParams;
  const session = await currentSession();
  if (session.status === "signed-in") redirect(homePathFor(session.user.role));
  const callbackUrl = safeCallbackPath(typeof params.callbackUrl === "string" ? params.callbackUrl : null);
  const problem = typeof params.problem === "string" ? ssoProblemMessage(params.problem) : null;
  const passwordHref = callbackUrl ? `/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/sign-in";
  return (
    <div className="max-w-[640px]">
      <SsoSignInForm callbackUrl={callbackUrl} problem={problem} />
      <p className="govuk-body">
        <Link href={passwordHref} className="govuk-link">
          Sign in with your email address and password instead
        </Link>
      </p>
    </div>
  );
}
