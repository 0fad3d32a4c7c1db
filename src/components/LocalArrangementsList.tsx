import type { ReactNode } from "react";
import type { LocalArrangement } from "@/domain/local-arrangements";
import { formatDate } from "@/components/format";

/** Arrangements as a list: title (linked when there is a link), parties, details, date. */
export function LocalArrangementsList({
  arrangements,
  actions,
}: {
  arrangements: readonly LocalArrangement[];
  actions?: (arrangement: LocalArrangement) => ReactNode;
}) {
  return (
    <ul className="govuk-list" data-testid="local-arrangements">
      {arrangements.map((a) => (
        <li key={a.id} className="mb-4">
          <p className="mb-1 font-bold">
            {a.link ? (
              <a href={a.link} rel="noreferrer">
                {a.title}
              </a>
            ) : (
              a.title
            )}
          </p>
          {a.parties ? <p className="mb-1">Parties: {a.parties}</p> : null}
          {a.detail ? <p className="mb-1 whitespace-pre-wrap">{a.detail}</p> : null}
          {a.agreedOn ? <p className="mb-1 text-govuk-secondary-text">Agreed {formatDate(a.agreedOn)}</p> : null}
          {actions ? actions(a) : null}
        </li>
      ))}
    </ul>
  );
}

/** Where a wizard step or page shows the arrangements that apply there (nothing when there are none). */
export function LocalArrangementsInset({
  title,
  arrangements,
}: {
  title: string;
  arrangements: readonly LocalArrangement[];
}) {
  if (arrangements.length === 0) return null;
  return (
    <aside className="govuk-inset-text" aria-label={title} data-testid="local-arrangements-inset">
      <h2 className="govuk-heading-s mb-2">{title}</h2>
      <LocalArrangementsList arrangements={arrangements} />
    </aside>
  );
}
