import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getPerson } from "@/server/admin/get-person";
import { requirePermission } from "@/server/auth/current-actor";
import { requestMeta } from "@/server/infra/request-context";
import { BackLink, WarningText } from "@/components/layout-bits";
import { UserAccessForm } from "../../UserAccessForm";

export const metadata: Metadata = { title: "Deactivate an account" };

/** GOV.UK "Are you sure" confirmation: a page of its own, so it works without JavaScript. */
export default async function DeactivatePersonPage({ params }: { params: Promise<{ userId: string }> }) {
  const admin = await requirePermission("users.manage");
  const person = await getPerson(admin, (await params).userId, await requestMeta());
  if (!person) notFound();
  if (!person.active) redirect(`/admin/users/${person.id}`);
  const isSelf = person.id === admin.userId;
  return (
    <div className="max-w-[640px]">
      <BackLink href={`/admin/users/${person.id}`}>Back to {person.name}</BackLink>
      <span className="govuk-caption-l">{person.name}</span>
      <h1 className="govuk-heading-l">
        {isSelf
          ? "Are you sure you want to deactivate your own account?"
          : `Are you sure you want to deactivate ${person.name}'s account?`}
      </h1>
      <WarningText>
        {isSelf
          ? "You will be signed out at once and cannot sign in again until another admin reactivates you."
          : "They will be signed out of every session at once and cannot sign in until an admin reactivates them."}
      </WarningText>
      <p className="govuk-body">Their decisions, reviews and audit history are kept.</p>
      <UserAccessForm userId={person.id} access="disable" submitLabel="Yes, deactivate account" />
      <p className="govuk-body">
        <Link href={`/admin/users/${person.id}`}>No, go back</Link>
      </p>
    </div>
  );
}
