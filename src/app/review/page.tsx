import type { Metadata } from "next";
import { requirePermission } from "@/server/auth/current-actor";
import { PageHeading } from "@/components/layout-bits";

export const metadata: Metadata = { title: "Review queue" };

export default async function ReviewQueuePage() {
  const user = await requirePermission("review.queue");
  return (
    <>
      <PageHeading caption={user.teamName ?? user.organisationName}>Review queue</PageHeading>
      <p className="govuk-body" data-testid="review-queue-empty">
        There are no decisions waiting for your review. Decisions your team records will appear here, flagged ones first.
      </p>
    </>
  );
}
