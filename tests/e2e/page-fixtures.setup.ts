// Playwright setup (beside auth.setup.ts, so it signs in through the form): the data the pages in
// accessibility.spec.ts need, made once per run: a draft at check answers, a decision recorded
// through the app with an escalation, due for disposal; then, in SQL, drafts on the wizard's other paths
// and a local arrangement. Written to pageFixturesPath() for the spec to read.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { expect, test as setup } from "@playwright/test";
import { type PathDraft, pathDrafts } from "./path-drafts";
import { USERS, pageFixturesPath, signInThroughForm, storageStatePath, withDatabase } from "./support";
import {
  draftAnswers,
  draftWithAnswers,
  recordDraft,
  uniqueCaseReference,
  withoutPurposeAnswers,
} from "./wizard-helpers";

export interface PageFixtures {
  draftId: string;
  /** The questions answered in the draft: the wizard's page types. */
  draftSteps: string[];
  reference: string;
  /** The case the decision is about, for the case page. */
  caseReference: string;
  escalationId: string;
  /**
   * Drafts on the other paths (sharing; "not sure" with advice, an adult at risk and a departure; an
   * emergency), made in SQL, with the question pages each reaches that the first draft does not.
   */
  pathDrafts: PathDraft[];
  /** A local arrangement of the admin's organisation, for its change page. */
  localArrangementId: string;
}

setup("a decision with an escalation, due for disposal, and a draft at check answers", async ({ page }) => {
  setup.setTimeout(180_000);
  // The practitioner's stored session for the other specs too (auth.setup.ts leaves them to this file).
  await signInThroughForm(page, USERS.practitioner);
  mkdirSync(dirname(storageStatePath(USERS.practitioner)), { recursive: true });
  await page.context().storageState({ path: storageStatePath(USERS.practitioner) });
  const rationale = "There is no clear purpose: the request is for a general background check.";

  // A draft at check answers on the no-purpose path and the decision, recorded through the app, both from
  // drafts made in SQL with the answers that path's walk stores: the keyboard journey walks it in npm test.
  const draftId = await draftWithAnswers(
    USERS.practitioner,
    withoutPurposeAnswers(uniqueCaseReference("A11Y"), rationale),
  );
  const draftSteps = Object.keys((await draftAnswers(draftId)) ?? {});
  const caseReference = uniqueCaseReference("A11Y");
  const reference = await recordDraft(
    page,
    await draftWithAnswers(USERS.practitioner, withoutPurposeAnswers(caseReference, rationale)),
  );
  await page.getByText("Escalate a disagreement about this decision").click();
  await page.getByLabel("Why are you escalating?").fill("The requester disagrees that there is no purpose.");
  await page.getByRole("button", { name: "Escalate" }).click();
  await expect(page.getByTestId("decision-escalations")).toBeVisible();

  const escalationId = await withDatabase(async (client) => {
    // The record becomes due for disposal, as if its retention period had passed. Decisions are
    // append-only for every role; a replica session skips that trigger, as only an owner can.
    await client.query("BEGIN");
    await client.query("SET LOCAL session_replication_role = replica");
    await client.query("UPDATE decision SET retain_until = now() - interval '1 day' WHERE reference = $1", [reference]);
    await client.query("COMMIT");
    const { rows } = await client.query<{ id: string }>(
      "SELECT e.id FROM escalation e JOIN decision d ON d.id = e.decision_id WHERE d.reference = $1",
      [reference],
    );
    return rows[0]!.id;
  });

  const { drafts, localArrangementId } = await withDatabase(async (client) => {
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO local_arrangement (id, organisation_id, kind, title, detail, updated_by_id)
       SELECT gen_random_uuid(), u.organisation_id, 'ADVICE_CONTACT', 'Duty social work manager',
              'Phone the duty desk on 01234 567890, weekdays 9 to 5.', u.id
         FROM app_user u WHERE u.email = $1
       RETURNING id`,
      [USERS.admin],
    );
    return { drafts: await pathDrafts(client, USERS.practitioner, draftSteps), localArrangementId: rows[0]!.id };
  });

  const fixtures: PageFixtures = {
    draftId,
    draftSteps,
    reference,
    caseReference,
    escalationId,
    pathDrafts: drafts,
    localArrangementId,
  };
  mkdirSync(dirname(pageFixturesPath()), { recursive: true });
  writeFileSync(pageFixturesPath(), JSON.stringify(fixtures));
});
