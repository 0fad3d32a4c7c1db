import type { Metadata } from "next";
import type { FieldDefinition } from "@/domain/wizard";
import { notFound } from "next/navigation";
import { requirePermission } from "@/server/auth/current-actor";
import { EscalationRoute } from "../EscalationRoute";
import { listEscalations } from "@/server/escalations/list-escalations";
import { ActionForm } from "@/components/ActionForm";
import { BackLink, InsetText } from "@/components/layout-bits";
import { resolveEscalationAction } from "@/app/review/actions";

export const metadata: Metadata = { title: "Resolve an escalation" };

const RESOLUTION_FIELDS: FieldDefinition[] = [
  {
    name: "resolution",
    kind: "textarea",
    label: "How was it resolved?",
    hint:
      "For example: agreed to share in part after a strategy discussion; " +
      "referred to the lead safeguarding partners.",
    maxLength: 5000,
  },
];

export default async function ResolveEscalationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePermission("escalation.list");
  const escalation = (await listEscalations(user, "OPEN")).find((e) => e.id === id);
  if (!escalation || !escalation.canResolve) notFound();
  return (
    <div className="max-w-[760px]">
      <BackLink href="/escalations" />
      <span className="govuk-caption-l">Escalation about {escalation.decisionReference}</span>
      <h1 className="govuk-heading-l">Resolve the escalation</h1>
      <InsetText>
        <p className="mb-2">Raised by {escalation.raisedBy}:</p>
        <p className="whitespace-pre-wrap">{escalation.reason}</p>
      </InsetText>
      <EscalationRoute organisationId={user.organisationId} />
      <ActionForm
        action={resolveEscalationAction}
        hidden={{ escalationId: escalation.id }}
        fields={RESOLUTION_FIELDS}
        submitLabel="Resolve escalation"
      />
    </div>
  );
}
