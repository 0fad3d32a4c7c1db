import type { Metadata } from "next";
import { GUIDANCE_SOURCES } from "@/domain/guidance";

export const metadata: Metadata = { title: "Accessibility statement" };

export default function AccessibilityPage() {
  return (
    <div className="max-w-[720px]">
      <h1 className="govuk-heading-l">Accessibility statement for InfoShare</h1>
      <p className="govuk-body">
        This accessibility statement applies to InfoShare, the service your organisation uses to decide whether to share
        information to keep a child safe and to record the decision. It is run by your organisation (the council,
        school, health or police body whose staff sign in to it), which is responsible for it.
      </p>
      <p className="govuk-body">
        We want as many people as possible to be able to use this service. For example, that means you should be able
        to:
      </p>
      <ul className="govuk-list-bullet">
        <li>change colours, contrast levels and fonts using browser or device settings</li>
        <li>zoom in up to 400% without the text spilling off the screen</li>
        <li>navigate most of the service using just a keyboard or speech recognition software</li>
        <li>listen to most of the service using a screen reader</li>
        <li>use the service without JavaScript</li>
      </ul>
      <p className="govuk-body">
        We’ve also made the text as simple as possible to understand. AbilityNet has{" "}
        <a href="https://mcmw.abilitynet.org.uk/">advice on making your device easier to use</a> if you have a
        disability.
      </p>

      <h2 className="govuk-heading-m">How accessible this service is</h2>
      <p className="govuk-body">We know some parts of this service are not fully accessible:</p>
      <ul className="govuk-list-bullet" data-testid="known-gaps">
        <li>
          on a narrow screen, or zoomed to 400%, wide tables (the review queue, the audit log, your decisions) scroll
          sideways inside their own box rather than reflowing
        </li>
        <li>
          without JavaScript, a page whose form has errors does not start its title with “Error:”, and on pages that
          show a warning first the error summary comes after that warning
        </li>
        <li>charts on the dashboard are images; the same figures are in a table under each chart</li>
        <li>the downloads (CSV, JSON) are data files, not documents laid out for reading</li>
        <li>we have not yet tested the service with screen readers and other assistive technologies in use</li>
      </ul>

      <h2 className="govuk-heading-m">Feedback and contact information</h2>
      <p className="govuk-body">
        If you need information from this service in a different format, such as large print, an accessible PDF or easy
        read, tell your organisation’s InfoShare administrator or information governance lead. We’ll consider your
        request and get back to you within 5 working days.
      </p>

      <h2 className="govuk-heading-m">Reporting accessibility problems with this service</h2>
      <p className="govuk-body">
        We’re always looking to improve the accessibility of this service. If you find any problems not listed on this
        page or think we’re not meeting accessibility requirements, tell your organisation’s InfoShare administrator,
        who will pass it to the service team and reply within 5 working days.
      </p>

      <h2 className="govuk-heading-m">Enforcement procedure</h2>
      <p className="govuk-body">
        The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector Bodies (Websites
        and Mobile Applications) (No. 2) Accessibility Regulations 2018 (the ‘accessibility regulations’). If you’re not
        happy with how we respond to your complaint,{" "}
        <a href="https://www.equalityadvisoryservice.com/">contact the Equality Advisory and Support Service (EASS)</a>.
        If you are in Northern Ireland and are not happy with how we respond to your complaint, you can contact the{" "}
        <a href="https://www.equalityni.org/Home">Equality Commission for Northern Ireland</a>, who are responsible for
        enforcing the accessibility regulations in Northern Ireland.
      </p>

      <h2 className="govuk-heading-m">Technical information about this service’s accessibility</h2>
      <p className="govuk-body">
        The organisations that use InfoShare are committed to making it accessible, in accordance with the Public Sector
        Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018.
      </p>
      <h3 className="govuk-heading-s">Compliance status</h3>
      <p className="govuk-body" data-testid="compliance-status">
        This service is partially compliant with the{" "}
        <a href="https://www.w3.org/TR/WCAG22/">Web Content Accessibility Guidelines version 2.2</a> AA standard, due to
        the non-compliances listed below.
      </p>

      <h2 className="govuk-heading-m">Non-accessible content</h2>
      <p className="govuk-body">The content listed below is non-accessible for the following reasons.</p>
      <h3 className="govuk-heading-s">Non-compliance with the accessibility regulations</h3>
      <ul className="govuk-list-bullet">
        <li>
          Without JavaScript, the title of a page whose form has errors does not begin with “Error:”, so a screen reader
          user may not hear at once, from the title, that the form was not accepted. The error summary is still shown,
          announced and linked to each field, so we do not believe this fails WCAG 2.2 success criterion 3.3.1 (error
          identification), but it falls short of the GOV.UK pattern. We plan to fix this by the next review of this
          statement.
        </li>
        <li>
          The service has not been tested with assistive technologies in use (JAWS, NVDA, VoiceOver, TalkBack, Dragon),
          so problems that automated checks cannot find (WCAG 2.2 success criteria 1.3.1, 2.4.6 and 4.1.2 among them)
          may remain. We plan to test with users of assistive technologies before the service leaves beta.
        </li>
      </ul>
      <h3 className="govuk-heading-s">Disproportionate burden</h3>
      <p className="govuk-body">
        We are not claiming that any accessibility problem would be a disproportionate burden.
      </p>
      <h3 className="govuk-heading-s">Content that’s not within the scope of the accessibility regulations</h3>
      <p className="govuk-body">
        The data files you can download (CSV and JSON exports for information governance and subject access requests)
        are for other systems to read, not for reading as documents.
      </p>

      <h2 className="govuk-heading-m">What we’re doing to improve accessibility</h2>
      <p className="govuk-body">
        Every page, for every role, is checked automatically at desktop width and at 320 CSS pixels wide (the width of a
        desktop page zoomed to 400%) with axe’s WCAG 2.2 A and AA rules, and must not be wider than the screen; a
        failure stops a release. The decision wizard is also tested from start to finish using only a keyboard.
      </p>

      <h2 className="govuk-heading-m">Preparation of this accessibility statement</h2>
      <p className="govuk-body" data-testid="statement-prepared">
        This statement was prepared on 29 November 2026. It was last reviewed on 29 November 2026.
      </p>
      <p className="govuk-body">
        This service was last tested on 29 November 2026 against the WCAG 2.2 AA standard. The test was carried out by
        the service team, not by an independent auditor: automated checks with axe on every page type of every role at
        1280 and 320 CSS pixels, keyboard-only journeys through the decision wizard, and a manual review of the GOV.UK
        Design System patterns the service uses. We tested every page type rather than a sample, because the service is
        small.
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
