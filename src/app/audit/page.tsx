import type { Metadata } from "next";
import Link from "next/link";
import { can } from "@/domain/policy";
import { AUDITED_ACTIONS } from "@/schemas/audit-search";
import { requirePermission } from "@/server/auth/current-actor";
import { getAuditVerification } from "@/server/audit/get-audit-verification";
import { organisationPeople, searchAuditEvents } from "@/server/audit/search-audit-events";
import { PageHeading } from "@/components/layout-bits";
import { verifyIntegrityAction } from "./actions";
import { VerificationResult } from "./VerificationResult";
import { AuditTable } from "./AuditTable";
import {
  type FilterChoice,
  FilterActions,
  FilterDate,
  FilterInput,
  FilterSelect,
  optionsOf,
} from "@/components/filter-fields";
import { joinDateParts } from "@/domain/calendar";
import { AUDIT_OUTCOME_LABELS, auditActionLabel } from "@/components/audit-labels";
import type { PageProps } from "@/app/page-props";

export const metadata: Metadata = { title: "Audit log" };

const FILTER_KEYS = ["actor", "action", "reference", "caseReference", "outcome", "from", "to"] as const;

const ORDER_LABELS = { newest: "Newest first", oldest: "Oldest first" } as const;

/** Typed-in filters: references, exactly as written (no spelling check). */
const REFERENCE_FILTERS = [
  { name: "reference", label: "Decision reference", maxLength: 60 },
  { name: "caseReference", label: "Case reference", maxLength: 40 },
] as const;

const ACTION_OPTIONS = AUDITED_ACTIONS.map((a) => ({ value: a, label: auditActionLabel(a) }));
const OUTCOME_OPTIONS = optionsOf(AUDIT_OUTCOME_LABELS);

export default async function AuditPage({ searchParams }: PageProps) {
  const user = await requirePermission("audit.view");
  const params = joinDateParts(await searchParams, ["from", "to"]);
  const verification =
    typeof params.verification === "string" ? await getAuditVerification(user, params.verification) : null;
  const [result, people] = await Promise.all([searchAuditEvents(user, params), organisationPeople(user)]);
  const { filter } = result;
  const peopleOptions = people.map((p) => ({ value: p.id, label: p.name }));
  // The form's order: who and what, the references, then the outcome.
  const filterFields: (FilterChoice | (typeof REFERENCE_FILTERS)[number])[] = [
    { name: "actor", label: "Who", value: filter.actor, anyLabel: "Anyone", options: peopleOptions },
    { name: "action", label: "Action", value: filter.action, anyLabel: "Any action", options: ACTION_OPTIONS },
    ...REFERENCE_FILTERS,
    { name: "outcome", label: "Outcome", value: filter.outcome, anyLabel: "Any outcome", options: OUTCOME_OPTIONS },
  ];
  const filterQuery = new URLSearchParams(
    FILTER_KEYS.flatMap((key) => (filter[key] ? [[key, filter[key]] as [string, string]] : [])),
  );
  const filtered = filterQuery.size > 0;
  const oldestFirst = filter.order === "oldest";
  const orderQuery = new URLSearchParams([...filterQuery, ...(oldestFirst ? [["order", "oldest"]] : [])]);
  const nextCursor = oldestFirst ? result.nextAfter : result.nextBefore;
  const nextHref = nextCursor
    ? `/audit?${new URLSearchParams([...orderQuery, [oldestFirst ? "after" : "before", nextCursor]]).toString()}`
    : null;
  const order = ORDER_LABELS[filter.order ?? "newest"].toLowerCase();
  const caption = `${filtered ? "Matching events" : "Latest events"}, ${order}`;
  // The export names the record filter "objectReference"; everything else is the same.
  const exportQuery = new URLSearchParams(
    [...filterQuery].map(([key, value]) => [key === "reference" ? "objectReference" : key, value]),
  );
  const exportHref = `/api/exports/audit-events${filtered ? `?${exportQuery.toString()}` : ""}`;

  return (
    <>
      <PageHeading caption={user.organisationName}>Audit log</PageHeading>
      {verification ? <VerificationResult result={verification} /> : null}
      <p className="govuk-body">
        Every sign-in, view, draft, decision, review, escalation, export and setting change in your organisation, newest
        first. Nothing here can be changed or deleted.
      </p>

      <form
        method="get"
        action="/audit"
        role="search"
        aria-label="Filter the audit log"
        className="mb-8 grid grid-cols-1 gap-x-6 bg-govuk-light-grey p-4 sm:grid-cols-2"
      >
        <h2 className="govuk-heading-s sm:col-span-2">Filter the log</h2>
        {result.filterErrors.length > 0 ? (
          <div className="sm:col-span-2" role="alert">
            {result.filterErrors.map((e) => (
              <p key={e.field} className="govuk-error-message">
                {e.message}
              </p>
            ))}
          </div>
        ) : null}
        {filterFields.map((field) => (
          <div className="govuk-form-group" key={field.name}>
            {"maxLength" in field ? (
              <FilterInput
                name={field.name}
                label={field.label}
                defaultValue={filter[field.name]}
                maxLength={field.maxLength}
                spellCheck={false}
              />
            ) : (
              <FilterSelect {...field} />
            )}
          </div>
        ))}
        <div className="govuk-form-group">
          <FilterDate name="from" label="From" value={filter.from} />
        </div>
        <div className="govuk-form-group">
          <FilterDate name="to" label="To" value={filter.to} />
        </div>
        <div className="govuk-form-group">
          <label htmlFor="order" className="govuk-label-bold">
            Order
          </label>
          <select id="order" name="order" defaultValue={filter.order ?? "newest"} className="govuk-select">
            {Object.entries(ORDER_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <FilterActions
          clearHref="/audit"
          filtered={filtered}
          className="flex flex-wrap items-center gap-6 sm:col-span-2"
        />
      </form>

      <p className="govuk-body flex flex-wrap gap-x-6">
        {can(user, "audit.export") ? (
          <a href={exportHref} download data-testid="export-audit">
            Export {filtered ? "these events" : "all events"} as CSV
          </a>
        ) : null}
        {filter.reference ? (
          <Link href={`/audit/history/${encodeURIComponent(filter.reference)}`}>
            Full history of {filter.reference}
          </Link>
        ) : null}
      </p>

      {result.rows.length === 0 ? (
        <p className="govuk-body" data-testid="audit-empty">
          No events match.
        </p>
      ) : (
        <AuditTable rows={result.rows} caption={caption} />
      )}
      {nextHref ? (
        <nav aria-label="Audit log pages" className="mb-8">
          <Link href={nextHref} rel="next">
            {oldestFirst ? "Later events" : "Older events"}
          </Link>
        </nav>
      ) : null}

      {can(user, "audit.verify") ? (
        <section aria-labelledby="verify-heading" className="mt-8 border-t-4 border-govuk-blue pt-4">
          <h2 id="verify-heading" className="govuk-heading-m">
            Check nothing has been altered
          </h2>
          <p className="govuk-body">
            Each event carries a fingerprint of itself and of the event before it. Verifying recomputes every
            fingerprint in your organisation’s log and names the first event that no longer matches. It is recorded in
            the log.
          </p>
          <form action={verifyIntegrityAction}>
            <button type="submit" className="govuk-button govuk-button-secondary">
              Verify integrity
            </button>
          </form>
          <p className="govuk-body">
            Every minute with new events, InfoShare signs a checkpoint of the log with a key the database does not hold,
            and keeps a copy outside the database, so even someone in control of the database cannot rebuild the log
            unnoticed. Verifying checks the log against these checkpoints too.
          </p>
          {params.checkpoint === "signed" || params.checkpoint === "current" ? (
            <p className="govuk-body" role="status">
              {params.checkpoint === "signed"
                ? "A checkpoint has been signed."
                : "The latest checkpoint is already up to date."}
            </p>
          ) : null}
          <form method="post" action="/api/audit/checkpoints">
            <button type="submit" className="govuk-button govuk-button-secondary">
              Sign a checkpoint now
            </button>
          </form>
          <p className="govuk-body">
            <a className="govuk-link" href="/api/audit/checkpoints" download>
              Download the signed checkpoints
            </a>{" "}
            and the{" "}
            <a className="govuk-link" href="/api/audit/public-keys">
              public keys
            </a>{" "}
            to check an export offline with <code>scripts/verify-export.mjs</code>.
          </p>
        </section>
      ) : null}
    </>
  );
}
