import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/server/auth/current-actor";
import { RETENTION_LOOKAHEAD_DAYS, listRetentionDue } from "@/server/retention/list-retention-due";
import { recordKeepingSettings } from "@/server/organisation-settings";
import { DataTable, PageHeading, SuccessBanner, Tag } from "@/components/layout-bits";
import { caseReferenceText, formatDate } from "@/components/format";
import { type PageProps, doneNotice } from "@/app/page-props";

export const metadata: Metadata = { title: "Records due for retention review" };

const DONE: Record<string, string> = {
  extended: "The record will be kept longer. The reason is in the audit log.",
  disposed: "The record has been disposed of. A tombstone and the audit trail remain.",
};

export default async function RetentionPage({ searchParams }: PageProps) {
  const user = await requirePermission("retention.manage");
  const notice = doneNotice(await searchParams, DONE);
  const [rows, settings] = await Promise.all([listRetentionDue(user), recordKeepingSettings(user.organisationId)]);
  return (
    <>
      <SuccessBanner message={notice} />
      <PageHeading caption={user.organisationName}>Records due for retention review</PageHeading>
      <p className="govuk-body">
        Records are kept by type (<Link href="/retention/rules">retention rules</Link>); records made before the rules
        were kept {settings.retentionYears} years (<Link href="/settings">settings</Link>). These records’ retention
        ends within {RETENTION_LOOKAHEAD_DAYS} days or has ended. Keep a record longer only for a reason you can record;
        otherwise dispose of it.
      </p>
      <DataTable
        id="retention"
        label="Records due for retention review"
        caption="Records due for retention review, soonest first"
        columns={["Reference", "Case reference", "Recorded", "Keep until"]}
        action
        rows={rows}
        empty="No records are due for retention review."
      >
        {(r) => (
          <tr key={r.reference}>
            <td>{r.reference}</td>
            <td>{caseReferenceText(r.caseReference)}</td>
            <td>{formatDate(r.recordedAt)}</td>
            <td>
              {r.due ? <Tag colour="red">Due</Tag> : <Tag colour="yellow">Due soon</Tag>} {formatDate(r.retainUntil)}
              {r.extended ? <span className="block text-govuk-secondary">Extended</span> : null}
            </td>
            <td>
              <Link href={`/retention/${r.reference}`}>
                Review<span className="sr-only"> retention of {r.reference}</span>
              </Link>
            </td>
          </tr>
        )}
      </DataTable>
    </>
  );
}
