import type { Metadata } from "next";
import Link from "next/link";
import { passwordResetIsUsable } from "@/server/accounts/password-reset";
import { ResetPasswordForm } from "./ResetPasswordForm";

export const metadata: Metadata = { title: "Choose a new password", referrer: "no-referrer" };

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  if (!(await passwordResetIsUsable(token))) {
    return (
      <div className="max-w-[640px]">
        <h1 className="govuk-heading-l">This link cannot be used</h1>
        <p className="govuk-body">
          It has expired or has already been used. <Link href="/password-reset">Ask for a new link</Link>.
        </p>
      </div>
    );
  }
  return (
    <div className="max-w-[640px]">
      <ResetPasswordForm token={token} />
    </div>
  );
}
