import type { Metadata } from "next";
import Link from "next/link";
import { RequestResetForm } from "./RequestResetForm";
import type { PageProps } from "@/app/page-props";

export const metadata: Metadata = { title: "Reset your password" };

export default async function RequestPasswordResetPage({ searchParams }: PageProps) {
  const sent = (await searchParams).sent === "1";
  if (sent) {
    return (
      <div className="max-w-[640px]">
        <h1 className="govuk-heading-l">Check your email</h1>
        <p className="govuk-body">
          If there is an InfoShare account for that address, we have sent it a link to choose a new password. The link
          works once, for 1 hour. It can take a few minutes to arrive.
        </p>
        <p className="govuk-body">
          No email? Check your spam folder, or <Link href="/password-reset">ask again</Link>. If you still cannot sign
          in, contact your organisation’s InfoShare administrator.
        </p>
      </div>
    );
  }
  return (
    <div className="max-w-[640px]">
      <RequestResetForm />
    </div>
  );
}
