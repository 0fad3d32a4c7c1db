import type { Metadata } from "next";
import { GUIDANCE_SOURCES } from "@/domain/guidance";

export const metadata: Metadata = { title: "Accessibility statement" };

export default function AccessibilityPage() {
  return (
    <div className="max-w-[720px]">
      <h1 className="govuk-heading-l">Accessibility statement for InfoShare</h1>
      <p className="govuk-body">
        InfoShare is built to meet the Web Content Accessibility Guidelines (WCAG) 2.2 at level AA. It follows the
        GOV.UK Design System’s patterns: one question per page, error summaries, and pages that work without JavaScript.
      </p>
      <h2 className="govuk-heading-m">How we test</h2>
      <ul className="govuk-list-bullet">
        <li>
          Every page our automated browser tests visit is scanned with axe for WCAG 2.2 A and AA issues; any issue fails
          the build.
        </li>
        <li>The decision wizard is tested end to end using only the keyboard.</li>
      </ul>
      <h2 className="govuk-heading-m">Known issues</h2>
      <p className="govuk-body">
        We have not yet had an independent accessibility audit or tested with every screen reader.
      </p>
      <h2 className="govuk-heading-m">Reporting a problem</h2>
      <p className="govuk-body">
        Tell your organisation’s InfoShare administrator, who will pass it to the service team.
      </p>
      <h2 id="sources" className="govuk-heading-m">
        Where our guidance comes from
      </h2>
      <p className="govuk-body">
        InfoShare’s guidance text is our own plain-English summary of these sources. Local protocols are examples of
        local arrangements, not national rules.
      </p>
      <ul className="govuk-list-bullet">
        {GUIDANCE_SOURCES.map((source) => (
          <li key={source.id}>
            {source.title}, {source.by}, {source.date}. {source.usedFor}.
          </li>
        ))}
      </ul>
    </div>
  );
}
