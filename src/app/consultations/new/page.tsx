import type { Metadata } from "next";
import { requirePermission } from "@/server/auth/current-actor";
import { ActionForm } from "@/components/ActionForm";
import { BackLink, PageHeading, WarningText } from "@/components/layout-bits";
import { ADVISER_OPTIONS } from "@/components/consultation-labels";
import { recordConsultationAction } from "../actions";

export const metadata: Metadata = { title: "Record a consultation" };

export default async function RecordConsultationPage() {
  const user = await requirePermission("consultation.record");
  return (
    <div className="max-w-[760px]">
      <BackLink href="/consultations" />
      <PageHeading caption={user.organisationName}>Record a consultation</PageHeading>
      <p className="govuk-body">
        Record advice you sought about a situation without naming the child. You can link it to a decision later.
      </p>
      <WarningText>
        Do not enter anything that could identify the child or family: no names, dates of birth, addresses, postcodes,
        NHS numbers, phone numbers or email addresses. Describe the situation in general terms.
      </WarningText>
      <ActionForm
        action={recordConsultationAction}
        fields={[
          { name: "adviserKind", kind: "radios", label: "Who did you consult?", options: ADVISER_OPTIONS },
          {
            name: "adviser",
            kind: "text",
            label: "Their role or name",
            hint: "For example: designated safeguarding lead; MASH duty social worker. The adviser, not the child.",
            maxLength: 200,
          },
          {
            name: "question",
            kind: "textarea",
            label: "What did you ask?",
            hint: "In general terms, for example: a primary-age child has disclosed bruising from an adult at home.",
            maxLength: 2000,
          },
          { name: "advice", kind: "textarea", label: "What advice were you given?", maxLength: 4000 },
          { name: "consultedOn", kind: "date", label: "When did you consult them?", hint: "For example, 27 3 2026" },
        ]}
        submitLabel="Record the consultation"
      />
    </div>
  );
}
