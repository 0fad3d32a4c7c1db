import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/server/auth/current-actor";
import { decisionForPage } from "@/app/decisions/decision-for-page";
import { Panel } from "@/components/layout-bits";
import { formatDate } from "@/components/format";
import { FLAG_LABELS } from "@/components/decision-labels";

export const metadata: Metadata = { title: "Decision recorded" };

export default async function ConfirmationPage({ params }: { params: Promise<{ reference: string }> }) {
  const { reference } = await params;
  const user = await requireUser();
  const decision = await decisionForPage(user, reference);
  const flags = decision.record.reviewFlags;
  return (
    <div className="max-w-[760px]">
      <Panel
        title={
          decision.kind === "ORIGINAL"
            ? "Decision recorded"
            : decision.kind === "CORRECTION"
              ? "Correction recorded"
              : "Reconsideration recorded"
        }
      >
        Your reference
        <br />
        <strong data-testid="decision-reference">{decision.reference}</strong>
      </Panel>
      <p className="govuk-body">
        The record cannot be changed. It is kept until {formatDate(decision.record.retainUntil)} unless it is reviewed.
      </p>
      <h2 className="govuk-heading-m">What happens next</h2>
      {flags.length > 0 ? (
        <p className="govuk-body" data-testid="flagged">
          This decision has been flagged for review (
          {flags
            .map((f) => FLAG_LABELS[f] ?? f)
            .join(", ")
            .toLowerCase()}
          ). Your supervisor or designated safeguarding lead will review it by {formatDate(decision.record.reviewDueAt)}
          .
        </p>
      ) : (
        <p className="govuk-body">
          Your supervisor will review your team’s decisions by {formatDate(decision.record.reviewDueAt)}.
        </p>
      )}
      {decision.record.outcome !== "NO_SHARE" ? (
        <p className="govuk-body">
          Share the information now, using the method you recorded, with the person you named.
        </p>
      ) : (
        <p className="govuk-body">
          If the person who asked for the information disagrees, they can escalate it. If they bring new information,
          reconsider your decision.
        </p>
      )}
      <ul className="govuk-list space-y-2">
        <li>
          <Link href={`/decisions/${decision.reference}`}>View or print the record</Link>
        </li>
        <li>
          <Link href="/decisions">Go to your decisions</Link>
        </li>
      </ul>
    </div>
  );
}
