import type { ReactNode } from "react";
import type { AuditVerificationRecord } from "@/server/audit/get-audit-verification";
import { SummaryList } from "@/components/layout-bits";
import { formatDateTime } from "@/components/format";

function eventCount(n: number): string {
  return `${n.toLocaleString("en-GB")} ${n === 1 ? "event" : "events"}`;
}

/** The result's box and heading: GOV.UK's panel (intact), or a box with an error's red border (altered). */
const PANEL = {
  box: "mb-8 bg-govuk-success p-6 text-center text-white sm:p-9",
  heading: "mb-4 text-[1.5rem] font-bold leading-tight sm:text-[2.25rem]",
};
const ERROR_BOX = { box: "mb-8 border-[5px] border-govuk-error p-4", heading: "govuk-heading-m" };

function ResultSection({ title, look, children }: { title: string; look: typeof PANEL; children: ReactNode }) {
  return (
    <section className={look.box} data-testid="verification-result" aria-labelledby="verification-title">
      <h2 id="verification-title" className={look.heading}>
        {title}
      </h2>
      {children}
    </section>
  );
}

/** The outcome of one "Verify integrity" run: a GOV.UK panel when intact, an error summary when not. */
export function VerificationResult({ result }: { result: AuditVerificationRecord }) {
  const when = formatDateTime(result.at);
  const by = result.actorName ? ` by ${result.actorName}` : "";
  if (result.intact) {
    return (
      <ResultSection title="Audit log intact" look={PANEL}>
        <p className="text-[1.1875rem]">
          {eventCount(result.eventsChecked)} in your organisation’s audit log checked on {when}
          {by}. None has been altered, removed or reordered.
        </p>
      </ResultSection>
    );
  }
  const first = result.firstBreak;
  return (
    <ResultSection title="The audit log has been altered" look={ERROR_BOX}>
      <p className="govuk-body">
        Verification on {when}
        {by} found a broken link in your organisation’s audit log: from the event below on, the log is not as it was
        recorded.
      </p>
      <SummaryList
        rows={[
          {
            key: "First broken event",
            value: first?.eventId ? (
              <strong data-testid="broken-event-id">{first.eventId}</strong>
            ) : (
              "None (events removed from the end)"
            ),
          },
          { key: "Position in the log", value: first?.chainSeq ?? "Unknown" },
          { key: "What is wrong", value: first?.message ?? "Unknown" },
          { key: "Events checked", value: result.eventsChecked.toLocaleString("en-GB") },
        ]}
      />
      <p className="govuk-body mb-0">
        Do not change anything. Tell your Data Protection Officer and your IT security team: the database may have been
        changed outside InfoShare.
      </p>
    </ResultSection>
  );
}
