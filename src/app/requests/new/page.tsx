import type { Metadata } from "next";
import { requirePermission } from "@/server/auth/current-actor";
import { listPartners } from "@/server/requests/list-partners";
import { PRIORITIES, PRIORITY_LABELS } from "@/domain/requests";
import { ActionForm } from "@/components/ActionForm";
import { BackLink, InsetText, PageHeading } from "@/components/layout-bits";
import { sendRequestAction } from "../actions";

export const metadata: Metadata = { title: "Ask a partner for information" };

const PRIORITY_HINTS = {
  RED: "A child may be at immediate risk of significant harm",
  AMBER: "A child may be at risk of significant harm, but not immediately",
  GREEN: "Information to plan support; no immediate risk",
} as const;

export default async function NewRequestPage() {
  const user = await requirePermission("request.send");
  const partnerships = await listPartners(user);
  const partners = partnerships.flatMap((p) => p.partners);
  const hours = partnerships[0]?.responseHours;
  return (
    <div className="max-w-[760px]">
      <BackLink href="/requests" />
      <PageHeading caption={user.organisationName}>Ask a partner for information</PageHeading>
      {partners.length === 0 ? (
        <p className="govuk-body">Your organisation is not a member of a safeguarding partnership yet.</p>
      ) : (
        <>
          <InsetText>
            Only your organisation and the partner you ask will see the child’s details. The partner’s contact team is
            told that a request is waiting; the email says nothing about the child.
          </InsetText>
          <ActionForm
            action={sendRequestAction}
            fields={[
              {
                name: "respondingOrganisationId",
                kind: "radios",
                label: "Which organisation are you asking?",
                options: partners.map((p) => ({
                  value: p.organisationId,
                  label: p.name,
                  hint: `Goes to: ${p.contactTeam}`,
                })),
              },
              {
                name: "priority",
                kind: "radios",
                label: "How urgent is it?",
                options: PRIORITIES.map((priority) => ({
                  value: priority,
                  label: PRIORITY_LABELS[priority],
                  hint: `${PRIORITY_HINTS[priority]}. Answer within ${hours?.[priority] ?? "?"} working hours.`,
                })),
              },
              {
                name: "caseReference",
                kind: "text",
                label: "Your case reference",
                hint: "Your organisation’s reference for this child, so the answer can be filed with the case.",
                maxLength: 50,
              },
              { name: "childName", kind: "text", label: "Child’s full name", maxLength: 200 },
              {
                name: "childDateOfBirth",
                kind: "date",
                label: "Child’s date of birth",
                hint: "For example, 27 3 2016",
                optional: true,
              },
              {
                name: "nhsNumber",
                kind: "text",
                label: "NHS number",
                hint: "10 digits, for example 943 476 5919",
                maxLength: 12,
                optional: true,
              },
              {
                name: "purpose",
                kind: "textarea",
                label: "Why do you need this information?",
                hint: "The concern about the child, and what you will use the information for.",
                maxLength: 2000,
              },
              {
                name: "informationNeeded",
                kind: "textarea",
                label: "What information do you need?",
                hint: "Ask only for what you need: the partner shares what is necessary and proportionate.",
                maxLength: 2000,
              },
              {
                name: "lawfulBasis",
                kind: "text",
                label: "On what lawful basis are you asking?",
                hint: "For example: Children Act 2004 section 11; UK GDPR Article 6(1)(e)",
                maxLength: 500,
              },
            ]}
            submitLabel="Send the request"
          />
        </>
      )}
    </div>
  );
}
