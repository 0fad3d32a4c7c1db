import { arrangementsFor } from "@/domain/local-arrangements";
import { listLocalArrangements } from "@/server/local-arrangements/list-local-arrangements";
import { LocalArrangementsInset } from "@/components/LocalArrangementsList";

/** The organisation's own escalation route (decision 024), where disagreements are handled. */
export async function EscalationRoute({ organisationId }: { organisationId: string }) {
  const route = arrangementsFor("escalation", await listLocalArrangements(organisationId));
  return <LocalArrangementsInset title="Your organisation’s escalation route" arrangements={route} />;
}
