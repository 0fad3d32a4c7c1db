import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { formatUkDate, ukDayStart } from "@/domain/calendar";
import { requirePermission } from "@/server/auth/current-actor";
import { requestMeta } from "@/server/infra/request-context";
import { getBankHolidayToRemove } from "@/server/partnerships/remove-bank-holiday";
import { ActionForm } from "@/components/ActionForm";
import { BackLink } from "@/components/layout-bits";
import { type PageProps, shownOrRefused } from "@/app/page-props";
import { removeBankHolidayAction } from "../../actions";

export const metadata: Metadata = { title: "Remove a bank holiday" };

/** GOV.UK "Are you sure" confirmation: a page of its own, so it works without JavaScript. */
export default async function RemoveBankHolidayPage({ params }: PageProps<{ day: string }>) {
  const user = await requirePermission("partnership.view");
  const result = await getBankHolidayToRemove(user, (await params).day, await requestMeta());
  // Today's or a past holiday stays: back to the list, which offers no removal for it.
  if (!result.ok && result.error === "conflict") redirect("/admin/bank-holidays");
  const holiday = shownOrRefused(result);
  const when = formatUkDate(ukDayStart(holiday.day));
  return (
    <div className="max-w-[640px]">
      <BackLink href="/admin/bank-holidays">Bank holidays</BackLink>
      <span className="govuk-caption-l">Bank holidays</span>
      <h1 className="govuk-heading-l">
        Are you sure you want to remove {holiday.name}, {when}?
      </h1>
      <p className="govuk-body">
        Requests sent from now on will count {when} as a working day. Requests already sent keep their due times.
      </p>
      <ActionForm
        action={removeBankHolidayAction}
        hidden={{ day: holiday.day }}
        fields={[]}
        submitLabel="Yes, remove bank holiday"
        tone="warning"
      />
      <p className="govuk-body">
        <Link href="/admin/bank-holidays">No, go back</Link>
      </p>
    </div>
  );
}
