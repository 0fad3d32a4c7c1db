import type { Metadata } from "next";
import Link from "next/link";
import { ORGANISATION_KINDS } from "@/domain/lawful-basis/organisation";
import { checkSetupLink } from "@/server/accounts/complete-setup";
import { SetupForm } from "./SetupForm";

export const metadata: Metadata = { title: "Set up InfoShare", referrer: "no-referrer" };

const KIND_LABELS: Record<(typeof ORGANISATION_KINDS)[number], string> = {
  LOCAL_AUTHORITY: "Local authority (children's services)",
  SCHOOL: "School or college",
  HEALTH: "Health (NHS trust, GP practice, health provider)",
  POLICE: "Police",
  EARLY_YEARS: "Early years setting",
  VOLUNTARY: "Voluntary or community organisation",
};

export default async function SetupPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const state = await checkSetupLink(token);
  if (state !== "usable") {
    return (
      <div className="max-w-[640px]">
        <h1 className="govuk-heading-l">
          {state === "already-set-up" ? "InfoShare is already set up" : "This set-up link cannot be used"}
        </h1>
        <p className="govuk-body">
          {state === "already-set-up"
            ? "An organisation exists, so set-up is closed. Ask your administrator for an invitation."
            : "It has expired or has been used. Restart InfoShare (npm start) for a new link."}
        </p>
        <p className="govuk-body">
          <Link href="/sign-in">Sign in</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="max-w-[640px]">
      <SetupForm token={token} kinds={ORGANISATION_KINDS.map((kind) => ({ value: kind, label: KIND_LABELS[kind] }))} />
    </div>
  );
}
