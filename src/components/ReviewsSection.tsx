import { can } from "@/domain/policy";
import type { SignedInUser } from "@/server/auth/current-actor";
import type { DecisionView } from "@/server/decisions/view-decision";
import type { DecisionReviews } from "@/server/reviews/list-decision-reviews";
import { ActionForm } from "@/components/ActionForm";
import { SuccessBanner, Tag } from "@/components/layout-bits";
import { formatDateTime } from "@/components/format";
import type { FormState } from "@/domain/errors";
import { REVIEW_KIND_LABELS, REVIEW_STATUS_LABELS } from "@/components/review-labels";

const DONE_MESSAGES: Record<string, string> = {
  replied: "Your reply has been recorded and your supervisor has been told.",
  escalated: "The escalation has been recorded. Your supervisor and information governance lead have been told.",
};

/** Reviews, replies and escalations on a decision, with the actions this user may take. */
export function ReviewsSection({
  user,
  decision,
  reviews,
  done,
  context,
  replyAction,
  escalateAction,
}: {
  user: SignedInUser;
  decision: DecisionView;
  reviews: DecisionReviews;
  done?: string;
  context: "record" | "review";
  /** The pipeline's actions, passed in by the page (components do not import from src/app). */
  replyAction: (reference: string, previous: FormState, formData: FormData) => Promise<FormState>;
  escalateAction: (
    reference: string,
    returnTo: "record" | "review",
    previous: FormState,
    formData: FormData,
  ) => Promise<FormState>;
}) {
  const resource = { organisationId: decision.organisationId, teamId: decision.teamId, authorId: decision.author.id };
  const canReply =
    can(user, "decision.reply", resource) &&
    (reviews.status === "CHALLENGED_NEEDS_ACTION" || reviews.status === "CHALLENGED_REPLIED");
  const hasOpenEscalation = reviews.escalations.some((e) => e.status === "OPEN");
  const canEscalate = can(user, "decision.escalate", resource) && !hasOpenEscalation;
  const status = REVIEW_STATUS_LABELS[reviews.status];
  const doneMessage = done ? DONE_MESSAGES[done] : undefined;

  return (
    <section id="reviews" aria-labelledby="reviews-heading" className="mb-8" data-testid="reviews">
      <SuccessBanner message={doneMessage} />
      <h2 id="reviews-heading" className="govuk-heading-m">
        Review <Tag colour={status.colour}>{status.text}</Tag>
      </h2>
      {reviews.entries.length === 0 ? (
        <p className="govuk-body">No one has reviewed this decision yet.</p>
      ) : (
        <ol className="mb-8 border-l-4 border-govuk-border pl-6" data-testid="review-timeline">
          {reviews.entries.map((entry) => (
            <li key={entry.id} className="mb-6">
              <h3 className="govuk-heading-s mb-1!">
                {REVIEW_KIND_LABELS[entry.kind]} by {entry.authorName}
              </h3>
              <p className="govuk-body-s text-govuk-secondary mb-2!">{formatDateTime(entry.createdAt)}</p>
              {entry.comment ? <p className="govuk-body mb-2! whitespace-pre-wrap">{entry.comment}</p> : null}
              {entry.actionRequired ? (
                <p className="govuk-body whitespace-pre-wrap">
                  <strong>What to do: </strong>
                  {entry.actionRequired}
                </p>
              ) : null}
            </li>
          ))}
        </ol>
      )}
      {canReply ? (
        <div className="no-print">
          <h3 className="govuk-heading-s">Respond to the challenge</h3>
          <p className="govuk-body">
            If you stand by your decision, reply to explain why. If the challenge changes your view, or there is new
            information, reconsider the decision instead (below).
          </p>
          <ActionForm
            action={replyAction.bind(null, decision.reference)}
            fields={[{ name: "comment", kind: "textarea", label: "Your reply", maxLength: 5000 }]}
            submitLabel="Send reply"
            tone="secondary"
          />
        </div>
      ) : null}

      <div id="escalations">
        {reviews.escalations.length > 0 ? (
          <>
            <h3 className="govuk-heading-s">Escalations</h3>
            <ul className="govuk-list mb-6" data-testid="decision-escalations">
              {reviews.escalations.map((e) => (
                <li key={e.id} className="mb-4">
                  <Tag colour={e.status === "OPEN" ? "orange" : "green"}>
                    {e.status === "OPEN" ? "Open" : "Resolved"}
                  </Tag>{" "}
                  raised by {e.raisedBy} on {formatDateTime(e.raisedAt)}: {e.reason}
                  {e.resolution ? <span className="block">Resolution: {e.resolution}</span> : null}
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {canEscalate ? (
          <details className="no-print mb-8">
            <summary className="cursor-pointer text-govuk-link underline">
              Escalate a disagreement about this decision
            </summary>
            <div className="mt-4 border-l-4 border-govuk-border pl-4">
              <p className="govuk-body">
                Escalate when the person who asked disagrees with a refusal to share, or when a challenge cannot be
                agreed. It goes to your supervisor and information governance lead, to resolve at pace.
              </p>
              <ActionForm
                action={escalateAction.bind(null, decision.reference, context)}
                fields={[
                  {
                    name: "reason",
                    kind: "textarea",
                    label: "Why are you escalating?",
                    hint: "Say who disagrees and why. Do not include names unless needed.",
                    maxLength: 5000,
                  },
                ]}
                submitLabel="Escalate"
                tone="secondary"
              />
            </div>
          </details>
        ) : null}
      </div>
    </section>
  );
}
