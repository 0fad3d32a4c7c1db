import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/server/auth/current-actor";
import { recordKeepingSettings } from "@/server/organisation-settings";
import { PageHeading, SuccessBanner } from "@/components/layout-bits";
import { SettingsForm } from "./SettingsForm";
import { type PageProps, doneNotice } from "@/app/page-props";

export const metadata: Metadata = { title: "Organisation settings" };

export default async function SettingsPage({ searchParams }: PageProps) {
  const user = await requirePermission("settings.manage");
  const settings = await recordKeepingSettings(user.organisationId);
  const notice = doneNotice(await searchParams, {
    saved: "Settings saved. They apply to decisions recorded from now on.",
  });
  return (
    <div className="max-w-[640px]">
      <SuccessBanner message={notice} />
      <PageHeading caption={user.organisationName}>Review and retention settings</PageHeading>
      <p className="govuk-body">
        Each decision gets a review-by date from these settings when it is recorded. Changes are recorded in the audit
        log.
      </p>
      {/* Second factor (decision 021): its own page, so this form stays as it is. */}
      <p className="govuk-body">
        <Link href="/settings/second-factor" className="govuk-link">
          Second factor settings
        </Link>
      </p>
      <SettingsForm
        current={{
          reviewWithinDaysEmergency: settings.reviewWithinDays.emergency,
          reviewWithinDaysFlagged: settings.reviewWithinDays.flagged,
          reviewWithinDaysRoutine: settings.reviewWithinDays.routine,
          retentionYears: settings.retentionYears,
        }}
      />
    </div>
  );
}
