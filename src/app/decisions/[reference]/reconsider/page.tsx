import type { Metadata } from "next";
import { stepDefinition } from "@/domain/wizard";
import { requirePermission } from "@/server/auth/current-actor";
import { BackLink } from "@/components/layout-bits";
import { reconsiderAction } from "../../actions";
import { StepForm } from "../../drafts/StepForm";
import { Guidance } from "../../drafts/Guidance";

export const metadata: Metadata = { title: "Reconsider a decision" };

/**
 * Reconsidering starts with the new information and the earlier answer it changes; the new draft
 * then opens at that question with the earlier answers filled in. Whether this decision may be
 * followed up is checked when the form is sent (startDraft), as it is for a correction.
 */
export default async function ReconsiderPage({ params }: { params: Promise<{ reference: string }> }) {
  const { reference } = await params;
  await requirePermission("decision.record");
  const step = stepDefinition("reconsideration");
  return (
    <>
      <BackLink href={`/decisions/${reference}`} />
      <div className="grid gap-x-8 md:grid-cols-3">
        <div className="md:col-span-2">
          <p className="govuk-caption-l">Reconsider a decision {reference}</p>
          <StepForm
            action={reconsiderAction.bind(null, reference)}
            title={step.title}
            hint={step.hint}
            fields={step.fields}
            savedAnswer={{}}
            submitLabel="Continue"
          />
        </div>
        <div>
          <Guidance ruleIds={step.ruleIds} noteIds={step.noteIds} />
        </div>
      </div>
    </>
  );
}
