import Link from "next/link";
import { arrangementPlaceForStep, arrangementsFor, type ArrangementPlace } from "@/domain/local-arrangements";
import { listLocalArrangements } from "@/server/local-arrangements/list-local-arrangements";
import { LocalArrangementsInset } from "@/components/LocalArrangementsList";

const TITLES: Record<ArrangementPlace, string> = {
  advice: "Who to ask for advice here",
  "lawful-basis": "Your organisation’s information sharing agreements",
  sharing: "Your organisation’s information sharing agreements",
  escalation: "Your organisation’s escalation route",
};

/**
 * Beside a wizard question: the organisation's local arrangements that apply to it (decision 024),
 * and where the guidance comes from.
 */
export async function WizardLocalArrangements({ organisationId, stepId }: { organisationId: string; stepId: string }) {
  const place = arrangementPlaceForStep(stepId);
  const arrangements = place ? arrangementsFor(place, await listLocalArrangements(organisationId)) : [];
  return (
    <>
      {place ? <LocalArrangementsInset title={TITLES[place]} arrangements={arrangements} /> : null}
      <p className="govuk-body-s">
        <Link href="/guidance/sources">Where this guidance comes from</Link>
      </p>
    </>
  );
}
