// Issue 3 acceptance: the whole wizard can be completed without a mouse. Every action below is a
// key press (Tab, Shift+Tab, arrows, Space, Enter) or typing; nothing is clicked, checked or filled.
import { type Locator, type Page, expect, test } from "@playwright/test";
import { USERS, signIn } from "./support";
import {
  expectCheckAnswersPage,
  expectQuestionPage,
  uniqueCaseReference,
  yesterday,
  expectStoredDecision,
} from "./wizard-helpers";

const MAX_TABS = 80;

async function isFocused(target: Locator): Promise<boolean> {
  return target.evaluate((element) => element === document.activeElement);
}

/** Presses Tab until `target` has focus, as a keyboard user would. */
async function tabTo(page: Page, target: Locator): Promise<void> {
  await expect(target).toBeVisible();
  for (let presses = 0; presses < MAX_TABS; presses++) {
    if (await isFocused(target)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Could not reach ${target.toString()} with the Tab key`);
}

/** Tabs into a radio group, then moves with the arrow keys until `label` is selected. */
async function selectRadio(page: Page, group: Locator, label: string): Promise<void> {
  const radios = group.getByRole("radio");
  const target = group.getByRole("radio", { name: label, exact: true });
  // Tab stops once per radio group: on the selected radio, or the first one if none is selected.
  const focusedInGroup = async () => {
    for (const radio of await radios.all()) if (await isFocused(radio)) return true;
    return false;
  };
  let presses = 0;
  while (!(await focusedInGroup())) {
    if (++presses > MAX_TABS) throw new Error(`Could not reach the "${label}" radio group with the Tab key`);
    await page.keyboard.press("Tab");
  }
  if (await isFocused(target)) {
    await page.keyboard.press("Space");
  } else {
    const count = await radios.count();
    for (let moves = 0; moves < count && !(await isFocused(target)); moves++) await page.keyboard.press("ArrowDown");
  }
  await expect(target).toBeFocused();
  await expect(target).toBeChecked();
}

/** Tabs to the box labelled `label` in the group `groupName`, and ticks it with Space. */
async function tickBox(page: Page, groupName: string, label: string): Promise<void> {
  const checkbox = group(page, groupName).getByRole("checkbox", { name: label });
  await tabTo(page, checkbox);
  await page.keyboard.press("Space");
  await expect(checkbox).toBeChecked();
}

/** Tabs to `field` (a field, or the label of one) and types `text` into it. */
async function typeInto(page: Page, field: Locator | string, text: string): Promise<void> {
  if (typeof field === "string") field = page.getByLabel(field);
  await tabTo(page, field);
  await page.keyboard.type(text);
  await expect(field).toHaveValue(text);
}

/** Types a date into the three GOV.UK date boxes of `dateGroup`, tabbing to each. */
async function typeDate(page: Page, dateGroup: Locator, date: { day: string; month: string; year: string }) {
  await typeInto(page, dateGroup.getByLabel("Day"), date.day);
  await typeInto(page, dateGroup.getByLabel("Month"), date.month);
  await typeInto(page, dateGroup.getByLabel("Year"), date.year);
}

async function press(page: Page, control: Locator, key: "Enter" | "Space" = "Enter"): Promise<void> {
  await tabTo(page, control);
  await page.keyboard.press(key);
}

const group = (page: Page, name: string) => page.getByRole("group", { name, exact: true });
const saveAndContinue = (page: Page) => page.getByRole("button", { name: "Save and continue" });

test("the whole wizard can be completed with the keyboard alone", async ({ page }) => {
  const caseReference = uniqueCaseReference("KEYBOARD");
  const rationale = "There is no safeguarding purpose: the request was for a general reference only.";
  await signIn(page, USERS.schoolPractitioner);
  await expect(page).toHaveURL(/\/decisions$/);

  // "Your decisions" → "Record a decision" → "Start now".
  await press(page, page.getByRole("main").getByRole("button", { name: "Record a decision" }));
  await expect(page).toHaveURL(/\/decisions\/new$/);
  await press(page, page.getByRole("button", { name: "Start now" }));

  await expectQuestionPage(page, "urgency");
  await selectRadio(page, page.getByRole("main"), "No");
  await press(page, saveAndContinue(page));

  await expectQuestionPage(page, "request");
  await selectRadio(page, page.getByRole("main"), "Someone has asked me for information");
  await typeInto(page, page.getByLabel("Their role", { exact: true }), "Youth worker");
  await typeInto(page, page.getByLabel("Their organisation", { exact: true }), "Riverside Youth Club");
  await press(page, saveAndContinue(page));

  await expectQuestionPage(page, "identifiable");
  await selectRadio(page, page.getByRole("main"), "Yes");
  await press(page, saveAndContinue(page));

  await expectQuestionPage(page, "concern");
  await tickBox(
    page,
    "What is the concern about?",
    "A parent or carer who may need help, or may not be able to care for the child safely",
  );
  await selectRadio(page, group(page, "Who is the information about?"), "A child or young person under 18");
  await typeInto(page, "Your organisation's case reference", caseReference);
  await press(page, saveAndContinue(page));

  await expectQuestionPage(page, "about-the-information");
  await tickBox(page, "Who is the information about?", "The child or young person");
  await selectRadio(page, group(page, "Did any of the information come from another agency?"), "No");
  await press(page, saveAndContinue(page));

  await expectQuestionPage(page, "child-views");
  await typeInto(page, "What are the child's wishes and feelings?", "He wants to keep going to the club.");
  await press(page, saveAndContinue(page));

  await expectQuestionPage(page, "significant-harm");
  await selectRadio(page, page.getByRole("main"), "No");
  await press(page, saveAndContinue(page));

  await expectQuestionPage(page, "purpose");
  await selectRadio(page, page.getByRole("main"), "No");
  // Space submits a focused button as well as Enter does.
  await press(page, saveAndContinue(page), "Space");

  await expectQuestionPage(page, "decision");
  // A mistake first: the error summary takes focus, and the keyboard user carries on from there.
  await selectRadio(page, group(page, "Your decision"), "Do not share");
  await press(page, saveAndContinue(page));
  const summary = page.getByTestId("error-summary");
  await expect(summary).toBeFocused();
  await expect(summary).toContainText("Enter the reasons for your decision");
  await expect(group(page, "Your decision").getByRole("radio", { name: "Do not share" })).toBeChecked();
  await typeInto(page, "Why have you made this decision?", rationale);
  await typeInto(page, "What is the purpose of sharing?", "A general reference for a youth club");
  await typeDate(page, group(page, "Date of the decision"), yesterday());
  await press(page, saveAndContinue(page));

  // Not sharing (decision 023): whether the person who asked was told, and when to look again.
  await expectQuestionPage(page, "not-sharing");
  await selectRadio(page, group(page, "Have you told the person who asked that you will not share?"), "Yes");
  const nextYear = String(new Date().getUTCFullYear() + 1);
  await typeDate(page, group(page, "When will you look at this decision again?"), {
    day: "15",
    month: "1",
    year: nextYear,
  });
  await press(page, saveAndContinue(page));

  await expectQuestionPage(page, "safety");
  await typeInto(page, "Effect on safety and well-being", "Not sharing keeps the family's private details private.");
  await tickBox(page, "Whose identity needs protecting?", "No one's identity needs protecting");
  await press(page, saveAndContinue(page));

  await expectCheckAnswersPage(page);
  // Shift+Tab works backwards too: from the Record button back to the last Change link.
  const record = page.getByRole("button", { name: "Record decision" });
  await tabTo(page, record);
  await page.keyboard.press("Shift+Tab");
  await expect(page.getByRole("link", { name: /^Change/ }).last()).toBeFocused();
  await press(page, record);

  await expect(page).toHaveURL(/\/decisions\/[^/]+\/confirmation$/);
  const panel = page.getByTestId("decision-reference");
  await expect(panel).toBeVisible();
  const reference = (await panel.textContent())?.trim() ?? "";

  // Following the confirmation's link to the record, by keyboard too.
  await press(page, page.getByRole("link", { name: "View or print the record" }));
  await expect(page.getByTestId("decision-record")).toContainText(rationale);

  const row = await expectStoredDecision(reference, {
    case_reference: caseReference,
    origin: "REQUEST",
    indication: "DO_NOT_SHARE",
    outcome: "NO_SHARE",
    author_email: USERS.schoolPractitioner,
  });
  expect(row.record.rationale).toBe(rationale);
});
