import { type GoldenRuleId, type GuidanceNoteId, goldenRule, guidanceNote } from "@/domain/guidance";

/** The golden rules and notes that bear on a page, in plain English with their sources. */
export function Guidance({
  ruleIds,
  noteIds = [],
}: {
  ruleIds: readonly GoldenRuleId[];
  noteIds?: readonly GuidanceNoteId[];
}) {
  if (ruleIds.length === 0 && noteIds.length === 0) return null;
  return (
    <aside
      aria-labelledby="guidance-heading"
      className="no-print border-t-4 border-govuk-blue pt-4"
      data-testid="guidance"
    >
      <h2 id="guidance-heading" className="govuk-heading-m">
        Guidance
      </h2>
      {noteIds.map((id) => {
        const note = guidanceNote(id);
        return (
          <section key={id} className="mb-6">
            <h3 className="govuk-heading-s mb-2!">{note.title}</h3>
            <p className="govuk-body-s">{note.text}</p>
            <p className="text-[0.875rem] text-govuk-secondary">Source: {note.source}</p>
          </section>
        );
      })}
      {ruleIds.map((id) => {
        const rule = goldenRule(id);
        return (
          <section key={id} className="mb-6">
            <h3 className="govuk-heading-s mb-2!">
              Golden rule {rule.number}: {rule.title}
            </h3>
            <p className="govuk-body-s">{rule.summary}</p>
            <details className="mb-3 text-[1rem]">
              <summary className="cursor-pointer text-govuk-link underline">What this means for you</summary>
              <p className="mt-2 border-l-4 border-govuk-border pl-4">{rule.whatItMeansForYou}</p>
            </details>
            <p className="text-[0.875rem] text-govuk-secondary">Source: {rule.source}</p>
          </section>
        );
      })}
    </aside>
  );
}
