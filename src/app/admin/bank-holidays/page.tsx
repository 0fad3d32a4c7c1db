import type { Metadata } from "next";
import Link from "next/link";
import { formatUkDate, ukDayStart } from "@/domain/calendar";
import { BANK_HOLIDAY_NAME_MAX_LENGTH } from "@/domain/partnerships";
import { roleCan } from "@/domain/policy";
import type { FieldDefinition } from "@/domain/wizard";
import { requirePermission } from "@/server/auth/current-actor";
import { listBankHolidays } from "@/server/partnerships/list-bank-holidays";
import { ActionForm } from "@/components/ActionForm";
import { BackLink, InsetText, PageHeading, SuccessBanner, TableHead, TableRegion } from "@/components/layout-bits";
import { type PageProps, doneNotice } from "@/app/page-props";
import { addBankHolidayAction } from "./actions";

export const metadata: Metadata = { title: "Bank holidays" };

const DONE: Record<string, string> = {
  added: "Bank holiday added. Requests sent from now on do not count it as a working day.",
  removed: "Bank holiday removed. Requests sent from now on count it as a working day.",
};

/** Adding a bank holiday: its name and its date. */
const HOLIDAY_FIELDS: readonly FieldDefinition[] = [
  {
    name: "name",
    kind: "text",
    label: "Name of the bank holiday",
    hint: "For example, Christmas Day (substitute day)",
    maxLength: BANK_HOLIDAY_NAME_MAX_LENGTH,
  },
  { name: "date", kind: "date", label: "Date of the bank holiday", hint: "For example, 27 12 2027" },
];

function dayText(day: string): string {
  return formatUkDate(ukDayStart(day));
}

/** England and Wales bank holidays, the days the partnership's response clocks stop (decision 033). */
export default async function BankHolidaysPage({ searchParams }: PageProps) {
  const user = await requirePermission("partnership.view");
  const list = await listBankHolidays(user);
  return (
    <div className="max-w-[760px]">
      {roleCan(user.role, "users.manage") ? (
        <BackLink href="/admin">Administration</BackLink>
      ) : (
        <BackLink href="/admin/partnership">Partnership</BackLink>
      )}
      <SuccessBanner message={doneNotice(await searchParams, DONE)} testId="bank-holidays-notice" />
      <PageHeading caption="England and Wales">Bank holidays</PageHeading>
      <p className="govuk-body">
        Requests between partners are answered in working hours: 9am to 5pm, Monday to Friday, but not on these days.
        The list is shared by every organisation using this service.
      </p>
      <InsetText>
        Adding or removing a bank holiday changes the due times of requests sent afterwards. A request already sent
        keeps the due time both organisations were given.
      </InsetText>
      {list.years.length === 0 ? <p className="govuk-body">There are no bank holidays in the list.</p> : null}
      {list.years.map(({ year, holidays }) => (
        <TableRegion key={year} label={`Bank holidays in ${year}`}>
          <table className="govuk-table" data-testid={`bank-holidays-${year}`}>
            <caption className="govuk-heading-m text-left">{year}</caption>
            <TableHead columns={["Date", "Bank holiday"]} action={list.canManage} />
            <tbody>
              {holidays.map((holiday) => (
                <tr key={holiday.day}>
                  <td>{dayText(holiday.day)}</td>
                  <td className="break-words">{holiday.name}</td>
                  {list.canManage ? (
                    <td>
                      {holiday.removable ? (
                        <Link href={`/admin/bank-holidays/${holiday.day}/remove`}>
                          Remove<span className="sr-only"> {`${holiday.name}, ${dayText(holiday.day)}`}</span>
                        </Link>
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      ))}
      {list.canManage ? (
        <>
          <h2 className="govuk-heading-m">Add a bank holiday</h2>
          <p className="govuk-body">
            Check the dates at <a href="https://www.gov.uk/bank-holidays">www.gov.uk/bank-holidays</a>. When a holiday
            falls at a weekend, add the weekday it is taken on (the substitute day).
          </p>
          <ActionForm action={addBankHolidayAction} fields={HOLIDAY_FIELDS} submitLabel="Add bank holiday" />
        </>
      ) : (
        <p className="govuk-body">
          An admin of an organisation in a safeguarding partnership can add and remove bank holidays.
        </p>
      )}
    </div>
  );
}
