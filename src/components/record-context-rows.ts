import type { StoredDecisionRecord } from "@/server/decisions/view-decision";
import { RECONSIDERED_QUESTION_LABELS } from "@/domain/wizard";
import { formatDate } from "@/components/format";
import { optionLabel } from "@/components/decision-labels";

/**
 * Rows for what guidance version 2026-11-wizard-order-v3 added to a record (decision 023): the
 * emergency action, who the information is about, whose consent, the child's wishes, what followed
 * a decision not to share, and why it was reconsidered. Records made before have none of them.
 */
export function recordContextRows(record: StoredDecisionRecord): Array<{ key: string; value: string }> {
  const rows: Array<{ key: string; value: string }> = [];
  if (record.identifiesSomeone === false) {
    rows.push({ key: "Identifies anyone", value: "No: numbers or trends only, so no case reference is needed" });
  }
  if (record.reconsideration) {
    rows.push({
      key: "Reconsidered because",
      value:
        `${record.reconsideration.newInformation}\n` +
        `Changes: ${RECONSIDERED_QUESTION_LABELS[record.reconsideration.changesStep]}`,
    });
  }
  if (record.emergencyAction) {
    const { takenAt, actions, actionOther, whatWasDone } = record.emergencyAction;
    const done = actions.map((action) =>
      action === "other" && actionOther ? actionOther : optionLabel("emergency-action", "actionsTaken", action),
    );
    rows.push({
      key: "Emergency action taken",
      value: `${formatDate(takenAt.date)} at ${takenAt.time}: ${done.join(", ")}\n${whatWasDone}`,
    });
  }
  if (record.informationAbout) {
    const { subjects, fromAnotherAgency, sourceAgency } = record.informationAbout;
    rows.push({
      key: "Information about",
      value: subjects.map((s) => optionLabel("about-the-information", "informationAbout", s)).join(", "),
    });
    rows.push({ key: "From another agency", value: fromAnotherAgency ? `Yes: ${sourceAgency ?? ""}` : "No" });
  }
  if (record.childWishesAndFeelings) {
    rows.push({ key: "Child's wishes and feelings", value: record.childWishesAndFeelings });
  }
  if (record.consentFrom) {
    const whose = optionLabel("consent-from", "consentFrom", record.consentFrom.from);
    const competent =
      record.consentFrom.childCompetent === undefined
        ? ""
        : record.consentFrom.childCompetent
          ? " (the child can decide for themselves)"
          : " (the child cannot decide for themselves)";
    rows.push({ key: "Whose consent", value: `${whose}${competent}` });
  }
  if (record.notSharing) {
    const { requesterTold, reasonNotTold, revisitDate } = record.notSharing;
    const told = optionLabel("not-sharing", "requesterTold", requesterTold);
    rows.push({ key: "Person who asked told", value: reasonNotTold ? `${told}. ${reasonNotTold}` : told });
    rows.push({ key: "Look at this decision again by", value: formatDate(revisitDate) });
  }
  return rows;
}
