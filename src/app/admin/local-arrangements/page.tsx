import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/server/auth/current-actor";
import { listLocalArrangements } from "@/server/local-arrangements/list-local-arrangements";
import { ARRANGEMENT_KINDS, ARRANGEMENT_KIND_LABELS } from "@/domain/local-arrangements";
import { ActionForm } from "@/components/ActionForm";
import { LocalArrangementsList } from "@/components/LocalArrangementsList";
import { PageHeading, SuccessBanner } from "@/components/layout-bits";
import { addLocalArrangementAction, removeLocalArrangementAction } from "./actions";
import { ARRANGEMENT_FIELDS } from "./fields";
import { type PageProps, doneNotice } from "@/app/page-props";

export const metadata: Metadata = { title: "Local arrangements" };

const DONE: Record<string, string> = {
  added: "The arrangement has been added. Decisions recorded from now on are stamped with it.",
  changed: "The arrangement has been changed. Records made before keep the version they were made under.",
  removed: "The arrangement has been removed. Records made while it was in force still name it.",
};

export default async function LocalArrangementsPage({ searchParams }: PageProps) {
  const user = await requirePermission("arrangements.manage");
  const arrangements = await listLocalArrangements(user.organisationId);
  const notice = doneNotice(await searchParams, DONE);
  return (
    <div className="max-w-[760px]">
      <SuccessBanner message={notice} />
      <PageHeading caption={user.organisationName}>Local arrangements</PageHeading>
      <p className="govuk-body">
        Your organisation’s information sharing agreements and protocols, its escalation route for disagreements, and
        whom practitioners can ask for advice. The wizard shows each where it applies, and every decision records which
        were in force when it was made.
      </p>
      {ARRANGEMENT_KINDS.map((kind) => {
        const ofKind = arrangements.filter((a) => a.kind === kind);
        return (
          <section key={kind} aria-labelledby={`heading-${kind}`}>
            <h2 className="govuk-heading-m" id={`heading-${kind}`}>
              {ARRANGEMENT_KIND_LABELS[kind]}s
            </h2>
            {ofKind.length === 0 ? (
              <p className="govuk-body">None yet.</p>
            ) : (
              <LocalArrangementsList
                arrangements={ofKind}
                actions={(a) => (
                  <div className="flex flex-wrap items-center gap-4">
                    <Link href={`/admin/local-arrangements/${a.id}`}>
                      Change<span className="sr-only"> {a.title}</span>
                    </Link>
                    <form action={removeLocalArrangementAction}>
                      <input type="hidden" name="arrangementId" value={a.id} />
                      <button type="submit" className="govuk-button govuk-button-warning mb-0!">
                        Remove<span className="sr-only"> {a.title}</span>
                      </button>
                    </form>
                  </div>
                )}
              />
            )}
          </section>
        );
      })}
      <h2 className="govuk-heading-m">Add an arrangement</h2>
      <ActionForm action={addLocalArrangementAction} fields={ARRANGEMENT_FIELDS} submitLabel="Add the arrangement" />
    </div>
  );
}
