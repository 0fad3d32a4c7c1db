import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { homePathFor } from "@/domain/policy";
import { requirePasswordVerifiedUser } from "@/server/auth/current-actor";
import { BackLink, PageHeading } from "@/components/layout-bits";
import { recoveryCodeAction } from "../actions";
import { CodeForm } from "../CodeForm";
import { callbackFrom } from "../callback";
import { SignOutButton } from "../SignOutButton";
import type { PageProps } from "@/app/page-props";

export const metadata: Metadata = { title: "Use a recovery code" };

export default async function RecoveryCodePage({ searchParams }: PageProps) {
  const { user, pending } = await requirePasswordVerifiedUser();
  const callbackUrl = callbackFrom(await searchParams);
  if (!pending) redirect(callbackUrl ?? homePathFor(user.role));
  return (
    <div className="max-w-[640px]">
      <BackLink href="/second-factor">Back</BackLink>
      <PageHeading>Use a recovery code</PageHeading>
      <p className="govuk-body">
        Enter one of the recovery codes you were given when you set up your second factor. Each code works once.
      </p>
      <CodeForm
        action={recoveryCodeAction}
        label="Recovery code"
        hint="For example abcde-fghjk"
        submitLabel="Continue"
        callbackUrl={callbackUrl}
        autoComplete="off"
        width="half"
      />
      <SignOutButton />
    </div>
  );
}
