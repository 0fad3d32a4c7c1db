// The record that prints and the case's history in one place (issue 13).
import { expect, test } from "@playwright/test";
import { readPdf } from "../support/read-pdf";
import { USERS, signIn, withDatabase } from "./support";
import { consentGivenShareDraftAnswers, draftWithAnswers, recordDraft, uniqueCaseReference } from "./wizard-helpers";

test.describe.configure({ timeout: 180_000 });

const RATIONALE = "The parent agreed, and early help needs the attendance data.";

test("a share record: summary first, prints on three A4 pages or fewer with its marking, and its PDF", async ({
  page,
}) => {
  const caseReference = uniqueCaseReference("PRINT");
  await signIn(page, USERS.practitioner);
  // A consent-given share, recorded from a draft made in the database: the record is this test's subject.
  const answers = consentGivenShareDraftAnswers(caseReference, RATIONALE);
  const reference = await recordDraft(page, await draftWithAnswers(USERS.practitioner, answers));
  const record = page.getByTestId("decision-record");

  // What was decided, by whom, when and on what basis come first, and the actions before the record.
  await expect(record.getByRole("heading", { level: 2 }).first()).toHaveText("Summary");
  await expect(record.getByTestId("record-actions").getByRole("link", { name: "Download PDF" })).toBeVisible();

  await page.emulateMedia({ media: "print" });
  const printed = await readPdf(await page.pdf({ format: "A4" }));
  expect(printed.pages.length).toBeLessThanOrEqual(3);
  for (const [index, text] of printed.pages.entries()) {
    expect(text, `page ${index + 1}`).toContain("OFFICIAL-SENSITIVE");
    expect(text, `page ${index + 1}`).toContain(`Page ${index + 1} of ${printed.pages.length}`);
  }
  expect(printed.pages.join(" ")).toContain("Printed by Sam Patel");
  await page.emulateMedia({ media: "screen" });

  const download = await page.request.get(`/api/decisions/${reference}/pdf`);
  expect(download.status()).toBe(200);
  expect(download.headers()["content-type"]).toBe("application/pdf");
  const pdf = (await readPdf(await download.body())).pages.join(" ");
  expect(pdf).toContain(reference);
  expect(pdf).toContain("Public task");
  expect(pdf).toContain("OFFICIAL-SENSITIVE");
  const exports = await withDatabase(async (client) => {
    const { rows } = await client.query<{ detail: { channel: string } }>(
      "SELECT detail FROM audit_event WHERE action = 'decision.export' AND object_id = $1",
      [reference],
    );
    return rows.map((row) => row.detail.channel);
  });
  expect(exports).toEqual(["pdf"]);
});

test("the case page joins up a case for its team and tells another team only whom to ask", async ({ browser }) => {
  const caseReference = uniqueCaseReference("CASE");
  const sam = await (await browser.newContext()).newPage();
  await signIn(sam, USERS.practitioner);
  const answers = consentGivenShareDraftAnswers(caseReference, RATIONALE);
  const reference = await recordDraft(sam, await draftWithAnswers(USERS.practitioner, answers));
  await sam.getByRole("link", { name: "All records for this case" }).click();
  await expect(sam.getByTestId("case-chronology")).toContainText(reference);

  // Jo, in Sam's team, finds the case from the search of her own decisions, which lists none of Sam's.
  const jo = await (await browser.newContext()).newPage();
  await signIn(jo, USERS.practitioner2);
  await jo.goto(`/decisions?q=${caseReference}`);
  await expect(jo.getByTestId("decisions-empty")).toBeVisible();
  await jo.getByTestId("case-search-link").getByRole("link").click();
  await expect(jo.getByRole("heading", { level: 1 })).toHaveText(`Case ${caseReference}`);
  await expect(jo.getByTestId("case-chronology")).toContainText(reference);
  await expect(jo.getByTestId("case-chronology")).toContainText("Sam Patel");

  // Kim supervises another team: she learns that the case exists and which team to ask, nothing more.
  const kim = await (await browser.newContext()).newPage();
  await signIn(kim, USERS.otherTeamSupervisor);
  await kim.goto("/cases");
  await kim.getByLabel("Case reference").fill(caseReference.toLowerCase());
  await kim.getByRole("button", { name: "Find case" }).click();
  await expect(kim.getByTestId("case-existence")).toContainText(
    "1 record about this case, made by Assessment Team North",
  );
  await expect(kim.getByText(reference)).toHaveCount(0);

  const views = await withDatabase(async (client) => {
    const { rows } = await client.query<{ detail: { access: string } }>(
      "SELECT detail FROM audit_event WHERE action = 'case.view' AND case_reference = $1 ORDER BY id",
      [caseReference],
    );
    return rows.map((row) => row.detail.access);
  });
  expect(views).toEqual(["read", "read", "existence"]);
  for (const page of [sam, jo, kim]) await page.context().close();
});
