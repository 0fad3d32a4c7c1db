import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "You have signed out" };

export default function SignedOutPage() {
  return (
    <div className="max-w-[640px]">
      <h1 className="govuk-heading-l">You have signed out</h1>
      <p className="govuk-body">Any answers you saved in a draft are kept for when you return.</p>
      <p className="govuk-body">
        <Link href="/sign-in">Sign in again</Link>
      </p>
    </div>
  );
}
