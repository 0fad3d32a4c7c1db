import type { FlowchartEvaluation } from "@/domain/flowchart";

const HEADINGS: Record<FlowchartEvaluation["indication"], string> = {
  SHARE: "The flowchart indicates: you can share",
  DO_NOT_SHARE: "The flowchart indicates: do not share",
  SEEK_ADVICE: "The flowchart indicates: seek advice first",
  EMERGENCY: "Emergency: act now, record straight afterwards",
  INCOMPLETE: "The flowchart is not finished yet",
};

export function IndicationSummary({ evaluation }: { evaluation: FlowchartEvaluation }) {
  return (
    <div className="mb-8 border-l-[10px] border-govuk-blue bg-govuk-light-grey p-4" data-testid="indication">
      <h2 className="govuk-heading-s mb-2!">{HEADINGS[evaluation.indication]}</h2>
      <p className="govuk-body-s mb-0!">{evaluation.explanation}</p>
    </div>
  );
}
