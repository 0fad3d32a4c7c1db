// Decision 024 (issue 11): consulting without naming the child, then linking the consultation to a
// decision; local arrangements set by the admin, shown in the wizard and stamped on new records.
import { expect, test } from "@playwright/test";
import { USERS, signIn, withDatabase } from "./support";
import {
  consentGivenShareDraftAnswers,
  draftWithAnswers,
  expectQuestionPage,
  routineOpeningAnswers,
  signInAndRecordWithoutPurpose,
  uniqueCaseReference,
  yesterday,
} from "./wizard-helpers";

test.describe.configure({ timeout: 180_000 });

const QUESTION = "A primary-age child has told a teacher about bruising from an adult at home. Can we refer?";

test("a practitioner records advice without naming the child, then links it to a decision", async ({ page }) => {
  await signIn(page, USERS.practitioner2);
  await page.goto("/consultations");
  await expect(page.getByRole("heading", { level: 1, name: "Your consultations" })).toBeVisible();
  await page.getByRole("link", { name: "Record a consultation" }).click();
  await expect(page.getByText("Do not enter anything that could identify the child")).toBeVisible();

  await page.getByRole("radio", { name: "MASH or front door consultation line" }).check();
  await page.getByLabel("Their role or name").fill("MASH duty social worker");
  await page.getByLabel("What did you ask?").fill(`${QUESTION} NHS number 943 476 5919.`);
  await page.getByLabel("What advice were you given?").fill("Refer to children's social care today.");
  const when = yesterday();
  const date = page.getByRole("group", { name: "When did you consult them?" });
  await date.getByLabel("Day").fill(when.day);
  await date.getByLabel("Month").fill(when.month);
  await date.getByLabel("Year").fill(when.year);
  await page.getByRole("button", { name: "Record the consultation" }).click();
  await expect(page.getByTestId("error-summary")).toContainText("looks like it contains an NHS number");

  await page.getByLabel("What did you ask?").fill(QUESTION);
  await page.getByRole("button", { name: "Record the consultation" }).click();
  await expect(page).toHaveURL(/\/consultations\/[0-9a-f-]{36}\?done=recorded$/);
  await expect(page.getByText("The consultation has been recorded.")).toBeVisible();
  const consultationUrl = page.url().replace(/\?.*$/, "");
  const stored = await withDatabase((db) =>
    db.query("SELECT question, linked_case_reference FROM consultation WHERE id = $1", [
      consultationUrl.split("/").at(-1),
    ]),
  );
  expect(stored.rows[0]).toEqual({ question: QUESTION, linked_case_reference: null });

  const caseReference = uniqueCaseReference("CONSULT");
  const reference = await signInAndRecordWithoutPurpose(
    page,
    USERS.practitioner2,
    caseReference,
    "The request gave no safeguarding purpose, as the MASH advised.",
  );

  await page.goto(consultationUrl);
  await page.getByRole("radio", { name: "A decision you recorded" }).check();
  await page.getByLabel("Decision reference").fill(reference);
  await page.getByRole("button", { name: "Link the consultation" }).click();
  await expect(page).toHaveURL(new RegExp(`/decisions/${reference}\\?done=consultation-linked$`));
  const linked = page.getByTestId("linked-consultations");
  await expect(linked).toContainText(QUESTION);
  await expect(linked).toContainText("MASH duty social worker");

  const events = await withDatabase((db) =>
    db.query("SELECT case_reference, detail FROM audit_event WHERE action = 'consultation.link' AND object_id = $1", [
      consultationUrl.split("/").at(-1),
    ]),
  );
  expect(events.rows).toEqual([{ case_reference: caseReference, detail: { decision: reference } }]);

  // Linked once: the form is gone, and "Your consultations" shows what it is linked to.
  await page.goto(consultationUrl);
  await expect(page.getByRole("button", { name: "Link the consultation" })).toHaveCount(0);
  await page.goto("/consultations");
  await expect(page.getByTestId("consultations-table")).toContainText(reference);
});

test(
  "the admin's local arrangements show in the wizard and are stamped on a new record",
  { tag: "@long" },
  async ({ page }) => {
    const agreement = `Northshire information sharing protocol ${Date.now()}`;
    const contact = `Northshire MASH consultation line ${Date.now()}`;
    await signIn(page, USERS.admin);
    await page.goto("/admin/local-arrangements");
    await expect(page.getByRole("heading", { level: 1, name: "Local arrangements" })).toBeVisible();

    await page.getByRole("radio", { name: "Information sharing agreement or protocol" }).check();
    await page.getByLabel("Title, or the contact's name and role").fill(agreement);
    await page.getByRole("button", { name: "Add the arrangement" }).click();
    await expect(page.getByTestId("error-summary")).toContainText("Enter the parties to the agreement");
    await page.getByLabel("Parties to the agreement (optional)").fill("Northshire Council, Police and NHS Trust");
    await page.getByLabel("Link (optional)").fill("https://example.org/northshire-protocol");
    await page.getByRole("button", { name: "Add the arrangement" }).click();
    await expect(page.getByText("The arrangement has been added.")).toBeVisible();

    await page.getByRole("radio", { name: "Advice contact" }).check();
    await page.getByLabel("Title, or the contact's name and role").fill(contact);
    await page.getByLabel("Details (optional)").fill("Phone 0300 000 0000, 9am to 5pm on working days");
    await page.getByRole("button", { name: "Add the arrangement" }).click();
    await expect(page.getByRole("region", { name: "Advice contacts" })).toContainText(contact);

    const route = `Northshire escalation policy ${Date.now()}`;
    await page.getByRole("radio", { name: "Escalation route" }).check();
    await page.getByLabel("Title, or the contact's name and role").fill(route);
    await page.getByLabel("Details (optional)").fill("Speak to the DSL, then the MASH manager within one working day");
    await page.getByRole("button", { name: "Add the arrangement" }).click();
    await expect(page.getByText("The arrangement has been added.")).toBeVisible();

    // The escalation pages show the organisation's own route.
    await signIn(page, USERS.supervisor);
    await page.goto("/escalations");
    await expect(page.getByRole("complementary", { name: "Your organisation’s escalation route" })).toContainText(
      route,
    );

    // The wizard: advice steps show the advice contacts.
    // Drafts made in the database, answered up to the page that shows them: the pages are the subject here.
    await signIn(page, USERS.practitioner2);
    const notSure = await draftWithAnswers(USERS.practitioner2, {
      ...routineOpeningAnswers(uniqueCaseReference("LOCAL")),
      "significant-harm": { significantHarm: "not-sure" },
    });
    await page.goto(`/decisions/drafts/${notSure}/significant-harm-advice`);
    await expectQuestionPage(page, "significant-harm-advice");
    await expect(page.getByTestId("local-arrangements-inset")).toContainText(contact);

    // …and the lawful-basis page shows the agreements, where a practitioner chooses what to rely on.
    const rationale = "The parent agreed and early help needs the attendance pattern to plan support.";
    const {
      "lawful-basis": _lawfulBasis,
      recipient: _recipient,
      "information-to-share": _information,
      "sharing-method": _method,
      informing: _informing,
      safety: _safety,
      ...toDecision
    } = consentGivenShareDraftAnswers(uniqueCaseReference("AGREE"), rationale);
    const decided = await draftWithAnswers(USERS.practitioner2, toDecision);
    await page.goto(`/decisions/drafts/${decided}/lawful-basis`);
    await expectQuestionPage(page, "lawful-basis");
    await expect(page.getByTestId("local-arrangements-inset")).toContainText(agreement);

    // A record made now is stamped with the arrangements in force.
    await signInAndRecordWithoutPurpose(
      page,
      USERS.practitioner2,
      uniqueCaseReference("STAMP"),
      "No safeguarding purpose was given for the request.",
    );
    const stamp = page.getByTestId("local-arrangements-stamp");
    await expect(stamp).toContainText(agreement);
    await expect(stamp).toContainText(contact);
    // The guidance it was made under, as a date (decision 026), in the record's keeping section.
    await expect(page.getByTestId("decision-record")).toContainText("InfoShare's guidance of");
  },
);
