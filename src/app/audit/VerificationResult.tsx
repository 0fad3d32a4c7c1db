import type { AuditVerificationRecord } from "@/server/audit/get-audit-verification";
import { SummaryList } from "@/components/layout-bits";
import { formatDateTime } from "@/components/format";

function eventCount(n: number): string {
  return `${n.toLocaleString("en-GB")} ${n === 1 ? "event" : "events"}`;
}

/** The outcome of one "Verify integrity" run: a GOV.UK panel when intact, an error summary when not. */
export function VerificationResult({ result }: { result: AuditVerificationRecord }) {
  const when = formatDateTime(result.at);
  const by = result.actorName ? ` by ${result.actorName}` : "";
  if (result.intact) {
    return (
      <section
        className="mb-8 bg-govuk-success p-6 text-center text-white sm:p-9"
        data-testid="verification-result"
        aria-labelledby="verification-title"
      >
        <h2 id="verification-title" className="mb-4 text-[1.5rem] font-bold leading-tight sm:text-[2.25rem]">
          Audit log intact
        </h2>
        <p className="text-[1.1875rem]">
          {eventCount(result.eventsChecked)} in your organisation’s audit log checked on {when}
          {by}. None has been altered, removed or reordered.
        </p>
      </section>
    );
  }
  const first = result.firstBreak;
  return (
    <section
      className="mb-8 border-[5px] border-govuk-error p-4"
      data-testid="verification-result"
      aria-labelledby="verification-title"
    >
      <h2 id="verification-title" className="govuk-heading-m">
        The audit log has been altered
      </h2>
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
    </section>
  );
}
