import type { Metadata } from "next";
import { GUIDANCE_SOURCES, GUIDANCE_VERSION, GUIDANCE_VERSIONS, type GuidanceSourceKind } from "@/domain/guidance";
import { formatDate } from "@/components/format";
import { PageHeading } from "@/components/layout-bits";

export const metadata: Metadata = { title: "Guidance sources" };

/** The list's sections in order: each kind of source and its heading. */
const SECTIONS: readonly (readonly [GuidanceSourceKind, string])[] = [
  ["NATIONAL_GUIDANCE", "National guidance"],
  ["LEGISLATION", "Legislation"],
  ["CASE_LAW", "Case law"],
  ["REGULATOR_GUIDANCE", "Regulator guidance"],
  ["RECORDS_MANAGEMENT", "Records management and retention"],
  ["LOCAL_EXAMPLE", "Examples of local arrangements (not national rules)"],
];

/** Every source the guidance draws on, and what changed in each version of the guidance. Public. */
export default function GuidanceSourcesPage() {
  return (
    <div className="max-w-[860px]">
      <PageHeading caption="InfoShare guidance">Guidance sources</PageHeading>
      <p className="govuk-body">
        InfoShare’s guidance is our own plain-English summary of these sources. Each record keeps the version of the
        guidance it was made under; the current version is {GUIDANCE_VERSION}.
      </p>
      {SECTIONS.map(([kind, heading]) => {
        const sources = GUIDANCE_SOURCES.filter((source) => source.kind === kind);
        if (sources.length === 0) return null;
        return (
          <section key={kind} aria-labelledby={`sources-${kind}`}>
            <h2 className="govuk-heading-m" id={`sources-${kind}`}>
              {heading}
            </h2>
            <ul className="govuk-list" data-testid={`sources-${kind}`}>
              {sources.map((source) => (
                <li key={source.id} id={source.id} className="mb-4">
                  <p className="mb-1 font-bold">{source.title}</p>
                  <p className="mb-1">
                    {source.by}. {source.date}.
                  </p>
                  <p className="mb-0 text-govuk-secondary-text">Used for: {source.usedFor}.</p>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
      <h2 className="govuk-heading-m" id="versions">
        Versions of the guidance
      </h2>
      {GUIDANCE_VERSIONS.toReversed().map((version) => (
        <section key={version.id} aria-labelledby={`version-${version.id}`} data-testid="guidance-version">
          <h3 className="govuk-heading-s" id={`version-${version.id}`}>
            {formatDate(version.from)} <span className="font-normal">({version.id})</span>
          </h3>
          <ul className="govuk-list-bullet">
            {version.changes.map((change) => (
              <li key={change}>{change}</li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
