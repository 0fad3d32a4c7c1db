import type { Metadata } from "next";
import { goldenRule } from "@/domain/guidance";
import { can } from "@/domain/policy";
import { rulesTouched } from "@/domain/review";
import type { FieldDefinition } from "@/domain/wizard";
import { requirePermission } from "@/server/auth/current-actor";
import { decisionWithReviews } from "@/app/decisions/decision-for-page";
import { DecisionRecordPage } from "@/app/decisions/DecisionRecordPage";
import { ActionForm } from "@/components/ActionForm";
import { BackLink } from "@/components/layout-bits";
import { TITLE_FROM_FORM, fullPageTitle } from "@/components/page-title";
import { reviewDecisionAction } from "../actions";
import { type PageProps, queryValue } from "@/app/page-props";

const REVIEW_TITLE = "Review a decision";

// The review form renders the title, with "Error: " when it comes back with errors.
export const metadata: Metadata = TITLE_FROM_FORM;

const REVIEW_FIELDS: FieldDefinition[] = [
  {
    name: "kind",
    kind: "radios",
    label: "What is your review?",
    options: [
      {
        value: "ENDORSEMENT",
        label: "Endorse the decision",
        hint: "It was lawful, proportionate and well reasoned.",
        revealsFields: [],
      },
      {
        value: "CHALLENGE",
        label: "Challenge the decision",
        hint: "The practitioner must respond: reply, or reconsider it.",
        // Comments are asked of a note too, so they are not hidden under "Challenge".
        revealsFields: ["actionRequired"],
      },
      { value: "NOTE", label: "Add a note", hint: "It stays in your queue." },
    ],
  },
  {
    name: "comment",
    kind: "textarea",
    label: "Your comments",
    hint: "Required for a challenge or a note.",
    maxLength: 5000,
  },
  { name: "actionRequired", kind: "textarea", label: "What should the practitioner do?", maxLength: 5000 },
];

export default async function ReviewDecisionPage({ params, searchParams }: PageProps<{ reference: string }>) {
  const { reference } = await params;
  const done = queryValue(await searchParams, "done");
  const user = await requirePermission("review.queue");
  const { decision, reviews } = await decisionWithReviews(user, reference);
  const rules = rulesTouched(decision.record.answers);
  const canReview = can(user, "decision.review", {
    organisationId: decision.organisationId,
    teamId: decision.teamId,
    authorId: decision.author.id,
  });

  return (
    <>
      <BackLink href="/review">Back to the review queue</BackLink>
      <DecisionRecordPage
        user={user}
        decision={decision}
        reviews={reviews}
        done={done}
        context="review"
        after={
          canReview ? (
            <section aria-labelledby="review-form-heading" className="no-print mb-8 border-t-4 border-govuk-blue pt-4">
              <h2 id="review-form-heading" className="govuk-heading-m">
                Your review
              </h2>
              <ActionForm
                action={reviewDecisionAction.bind(null, decision.reference)}
                fields={REVIEW_FIELDS}
                submitLabel="Save review"
                pageTitle={REVIEW_TITLE}
              />
            </section>
          ) : (
            // Without the form (which renders it), the page still needs its title.
            <title>{fullPageTitle(REVIEW_TITLE)}</title>
          )
        }
      >
        <section aria-labelledby="rules-heading" className="mb-8">
          <h2 id="rules-heading" className="govuk-heading-m">
            Golden rules this decision touched
          </h2>
          <ul className="govuk-list-bullet" data-testid="rules-touched">
            {rules.map((id) => {
              const rule = goldenRule(id);
              return (
                <li key={id}>
                  <strong>
                    Rule {rule.number}: {rule.title}.
                  </strong>{" "}
                  {rule.summary}
                </li>
              );
            })}
          </ul>
        </section>
      </DecisionRecordPage>
    </>
  );
}
