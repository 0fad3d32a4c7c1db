import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import {
  canVisitStep,
  evaluateAnswers,
  firstIncompleteStepId,
  isStepId,
  previousStepId,
  stepDefinition,
  suggestLawfulBases,
} from "@/domain/wizard";
import { sectionProgress } from "@/domain/wizard/sections";
import { ownDraftOr404 } from "../../own-draft";
import { BackLink, InsetText, WarningText } from "@/components/layout-bits";
import { TITLE_FROM_FORM } from "@/components/page-title";
import { StepForm } from "../../StepForm";
import { saveStepAction } from "../../../actions";
import { Guidance } from "../../Guidance";
import { IndicationSummary } from "../../IndicationSummary";
import { WizardLocalArrangements } from "../../WizardLocalArrangements";
import type { PageProps } from "@/app/page-props";

type Props = PageProps<{ draftId: string; step: string }>;

// StepForm renders the question as the page's title, with "Error: " when the answer comes back refused.
export const metadata: Metadata = TITLE_FROM_FORM;

const KIND_CAPTION = {
  ORIGINAL: "Record a decision",
  CORRECTION: "Record a correction",
  RECONSIDERATION: "Reconsider a decision",
} as const;

export default async function StepPage({ params, searchParams }: Props) {
  const { draftId, step } = await params;
  const returnToCheckAnswers = (await searchParams).return === "check-answers";
  const { user, draft } = await ownDraftOr404(draftId);
  if (!isStepId(step)) notFound();
  if (step === "check-answers") redirect(`/decisions/drafts/${draft.id}/check-answers`);
  // Questions cannot be skipped: an address for a later or irrelevant question leads to the
  // first one still to answer.
  if (!canVisitStep(draft.answers, step))
    redirect(`/decisions/drafts/${draft.id}/${firstIncompleteStepId(draft.answers)}`);

  const definition = stepDefinition(step);
  const section = sectionProgress(draft.answers, step);
  const previous = previousStepId(draft.answers, step);
  const back = returnToCheckAnswers
    ? `/decisions/drafts/${draft.id}/check-answers`
    : previous
      ? `/decisions/drafts/${draft.id}/${previous}`
      : "/decisions";
  const evaluation = evaluateAnswers(draft.answers);
  const showIndication = step === "decision" || step === "departure-reason";
  const emergency = draft.answers.urgency?.immediateRisk === "yes";
  // The lawful bases likely to apply, from the answers and the organisation's kind, come first.
  const likely = new Map<string, string>(
    step === "lawful-basis"
      ? suggestLawfulBases(draft.answers, draft.organisationKind).map((s) => [s.id, s.reason])
      : [],
  );
  // Options only some kinds of organisation may use are hidden; a group left with none goes too.
  const fields = definition.fields
    .map((field) => ({
      ...field,
      options: field.options
        ?.filter((option) => !option.onlyFor || option.onlyFor.includes(draft.organisationKind))
        .map((option) => (likely.has(option.value) ? { ...option, likely: likely.get(option.value) } : option)),
    }))
    .filter((field) => !field.options || field.options.length > 0);

  return (
    <>
      <BackLink href={back} />
      <div className="grid gap-x-8 md:grid-cols-3">
        <div className="md:col-span-2">
          <p className="govuk-caption-l" data-testid="progress">
            {KIND_CAPTION[draft.kind]}
            {draft.supersedes ? ` ${draft.supersedes.reference}` : ""} ·{" "}
            {`Section ${section.number} of ${section.total}: ${section.name}`}
          </p>
          {emergency && step !== "urgency" ? (
            <WarningText>
              If a child is in immediate danger, call 999 and follow your safeguarding procedures first. Record the
              decision straight afterwards.
            </WarningText>
          ) : null}
          {showIndication ? <IndicationSummary evaluation={evaluation} /> : null}
          {draft.kind !== "ORIGINAL" && step === "decision" ? (
            <InsetText>
              Give your decision and reasons afresh, including what has changed since {draft.supersedes?.reference}.
            </InsetText>
          ) : null}
          <StepForm
            key={`${draft.id}-${step}`}
            action={saveStepAction.bind(null, draft.id, step, returnToCheckAnswers)}
            title={definition.title}
            hint={definition.hint}
            fields={fields}
            savedAnswer={(draft.answers[step] as Record<string, unknown> | undefined) ?? draft.formDefaults[step] ?? {}}
            submitLabel={returnToCheckAnswers ? "Save and return to check your answers" : "Save and continue"}
          />
        </div>
        <div>
          <Guidance ruleIds={definition.ruleIds} noteIds={definition.noteIds} />
          <WizardLocalArrangements organisationId={user.organisationId} stepId={step} />
        </div>
      </div>
    </>
  );
}
