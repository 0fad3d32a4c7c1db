// Shared steps for the decision wizard's browser tests (issue 3). Accessibility is checked once per
// page type, in accessibility.spec.ts, not on every step of every path.
import { type Locator, type Page, expect } from "@playwright/test";
import type pg from "pg";
import type { WizardAnswers } from "../../src/domain/wizard/answers";
import { START, VALID, consentGivenShareAnswers } from "../../src/domain/wizard/test-fixtures";
import { signIn, withDatabase } from "./support";

const DRAFT_ID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

/** A case reference nobody else's test uses, so stored rows can be found by it. */
export function uniqueCaseReference(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`.toUpperCase();
}

/** Yesterday, as the three GOV.UK date boxes and as stored: never "in the future" in UK time. */
export function yesterday(): { day: string; month: string; year: string; iso: string } {
  const date = new Date(Date.now() - 24 * 60 * 60 * 1000);
  const year = String(date.getUTCFullYear());
  const month = String(date.getUTCMonth() + 1);
  const day = String(date.getUTCDate());
  return { day, month, year, iso: `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}` };
}

export function stepUrl(stepId: string): RegExp {
  return new RegExp(`/decisions/drafts/${DRAFT_ID}/${stepId}(\\?.*)?$`);
}

export function draftIdFrom(page: Page): string {
  const match = new RegExp(`/decisions/drafts/(${DRAFT_ID})`).exec(page.url());
  if (!match?.[1]) throw new Error(`Not on a draft page: ${page.url()}`);
  return match[1];
}

/** Start page → "Start now" → the first question. Returns the new draft's id. */
export async function startDecision(page: Page): Promise<string> {
  await page.goto("/decisions/new");
  await expect(
    page.getByRole("heading", { level: 1, name: "Record a decision about sharing information" }),
  ).toBeVisible();
  await page.getByRole("button", { name: "Start now" }).click();
  await expect(page).toHaveURL(stepUrl("urgency"));
  return draftIdFrom(page);
}

// The page types this worker has already checked in full: each is checked once, on its first visit,
// and by its address afterwards (151 checks took 11 of a journey's 25 seconds in a CI trace).
const checkedQuestionPages = new Set<string>();

/**
 * The page is the question page for `stepId`: on its first visit in this worker, with its progress
 * caption, guidance, Back link and heading (one check of the whole page); afterwards, by its address.
 */
export async function expectQuestionPage(page: Page, stepId: string): Promise<void> {
  await expect(page).toHaveURL(stepUrl(stepId));
  if (checkedQuestionPages.has(stepId)) return;
  const main = page.getByRole("main");
  await expect(
    main
      .filter({ has: page.getByTestId("progress").filter({ hasText: /Section \d+ of \d+: \S/ }) })
      .filter({ has: page.getByTestId("guidance") })
      .filter({ has: page.getByRole("link", { name: BACK_LINK_NAME }) })
      .filter({ has: page.getByRole("heading", { level: 1 }) }),
    `question page ${stepId}: progress, guidance, Back link and heading`,
  ).toBeVisible();
  checkedQuestionPages.add(stepId);
}

/** "Section N of M" from the caption: progress is shown by section (issue 13). */
export async function progressOf(page: Page): Promise<{ position: number; total: number }> {
  const text = (await page.getByTestId("progress").textContent()) ?? "";
  const match = /Section (\d+) of (\d+)/.exec(text);
  if (!match) throw new Error(`No progress in "${text}"`);
  return { position: Number(match[1]), total: Number(match[2]) };
}

/**
 * The GOV.UK Back link. Its chevron is CSS generated content ("‹"), which browsers put into the
 * accessible name ("‹Back"), so the name is matched loosely.
 */
const BACK_LINK_NAME = /^\W?\s*Back$/;
export function backLink(page: Page): Locator {
  return page.getByRole("main").getByRole("link", { name: BACK_LINK_NAME });
}

type Fill = (page: Page) => Promise<void>;

/**
 * Answers one question page: checks the page, fills it, saves, and waits to leave
 * it. The caller says where it expects to land next with `expectQuestionPage` or the next call.
 */
export async function answer(page: Page, stepId: string, fill: Fill, button = "Save and continue"): Promise<void> {
  await expectQuestionPage(page, stepId);
  await fill(page);
  await page.getByRole("button", { name: button }).click();
  await expect(page).not.toHaveURL(stepUrl(stepId));
}

/** Saves the page expecting it to be refused; checks the error summary (focused). */
export async function submitExpectingErrors(
  page: Page,
  messages: string[],
  button = "Save and continue",
): Promise<void> {
  const url = page.url();
  await page.getByRole("button", { name: button }).click();
  const summary = page.getByTestId("error-summary");
  await expect(summary).toBeVisible();
  await expect(summary).toBeFocused();
  for (const message of messages) await expect(summary).toContainText(message);
  expect(page.url()).toBe(url);
}

// ------------------------------------------------------------------------------ choosing options

function scope(page: Page, group?: string): Page | Locator {
  return group ? page.getByRole("group", { name: group, exact: true }) : page;
}

/** Selects a radio button by its label, within the named fieldset when there is more than one question. */
export async function choose(page: Page, label: string, group?: string): Promise<void> {
  await scope(page, group).getByRole("radio", { name: label, exact: true }).check();
}

export async function tick(page: Page, labels: string[], group?: string): Promise<void> {
  for (const label of labels) await scope(page, group).getByRole("checkbox", { name: label, exact: true }).check();
}

export async function type(page: Page, label: string, text: string): Promise<void> {
  await page.getByLabel(label, { exact: true }).fill(text);
}

// ------------------------------------------------------------------------------ one page at a time

export const fillUrgency =
  (risk: "Yes" | "No"): Fill =>
  (page) =>
    choose(page, risk);

export const fillRequest =
  (asked?: { name?: string; role: string; organisation: string }): Fill =>
  async (page) => {
    if (!asked) return choose(page, "I want to share information");
    await choose(page, "Someone has asked me for information");
    if (asked.name) await type(page, "Name of the person asking (optional)", asked.name);
    await type(page, "Their role", asked.role);
    await type(page, "Their organisation", asked.organisation);
  };

export const fillConcern =
  (caseReference: string): Fill =>
  async (page) => {
    await tick(
      page,
      ["The child's health or development, or their exposure to possible harm"],
      "What is the concern about?",
    );
    await choose(page, "A child or young person under 18", "Who is the information about?");
    await type(page, "Your organisation's case reference", caseReference);
  };

/** Single-question pages: the question itself is the fieldset legend. */
export const chooseOnly =
  (label: string): Fill =>
  (page) =>
    choose(page, label);

export interface LawfulBasisChoice {
  article6: string;
  specialCategory?: { article9: string[]; schedule1: string[] };
  commonLaw?: string[];
  statutoryGateways?: string[];
}

/** The lawful-basis page shows likely bases first; the rest are behind "Show all other bases". */
export async function showAllBases(page: Page): Promise<void> {
  // Groups inside a conditional reveal (Article 9, Schedule 1) show theirs only once revealed.
  for (const summary of await page.getByText("Show all other bases", { exact: true }).all()) {
    const details = summary.locator("xpath=..");
    if ((await summary.isVisible()) && (await details.getAttribute("open")) === null) await summary.click();
  }
}

export const fillLawfulBasis =
  (basis: LawfulBasisChoice): Fill =>
  async (page) => {
    await showAllBases(page);
    await choose(page, basis.article6, "UK GDPR Article 6 lawful basis");
    if (basis.specialCategory) {
      await choose(page, "Yes", "Does the information include special category data?");
      await showAllBases(page);
      await tick(page, basis.specialCategory.article9, "UK GDPR Article 9 condition");
      await tick(page, basis.specialCategory.schedule1, "Data Protection Act 2018 Schedule 1 condition");
    } else {
      await choose(page, "No", "Does the information include special category data?");
    }
    await tick(page, basis.commonLaw ?? [], "Why is it right to set aside confidentiality?");
    await tick(page, basis.statutoryGateways ?? [], "Legal duty or power to share (optional)");
  };

export const SAFETY_TEXT =
  "Sharing lets the assessment team plan a safe home visit; not sharing leaves the school unaware.";

export const fillSafety =
  (protect?: { who: string[]; steps: string }): Fill =>
  async (page) => {
    await type(page, "Effect on safety and well-being", SAFETY_TEXT);
    if (protect) {
      await tick(page, protect.who, "Whose identity needs protecting?");
      await type(page, "How will you protect their identities?", protect.steps);
    } else {
      await tick(page, ["No one's identity needs protecting"], "Whose identity needs protecting?");
    }
  };

export const INFORMATION_TEXT =
  "Attendance dates for this term and the class teacher's observations, marked as opinion.";

export const ALL_PRINCIPLES = [
  "It is necessary for the purpose of sharing",
  "It is proportionate to the need and the level of risk",
  "It is relevant to the purpose",
  "It is enough, and clear enough, to be understood and relied on",
  "It is accurate and up to date, with fact and opinion kept apart",
  "It will be shared in time to help the child",
  "It will be shared securely, following my organisation's policy",
];

export const fillInformation: Fill = async (page) => {
  await type(page, "Describe exactly what you will share", INFORMATION_TEXT);
  await choose(page, "Yes, and I have made clear which parts are opinion", "Does it include opinion as well as fact?");
  await choose(page, "No", "Does it include historical information?");
  await tick(page, ALL_PRINCIPLES, "Confirm that the information you will share is:");
};

export const SECURITY_TEXT = "Sent between secure domains, marked OFFICIAL-SENSITIVE, receipt confirmed by phone.";

export const fillSharingMethod: Fill = async (page) => {
  await choose(page, "Secure email", "How will you share it?");
  await type(page, "How will you keep it secure?", SECURITY_TEXT);
};

export const fillInforming =
  (reasonNotInforming?: string): Fill =>
  async (page) => {
    if (!reasonNotInforming) return choose(page, "Yes, they have been or will be told");
    await choose(page, "No");
    await type(page, "Why will you not tell them?", reasonNotInforming);
  };

export interface DecisionChoice {
  outcome: "Share the information" | "Share some of the information" | "Do not share";
  rationale: string;
  purpose: string;
}

export interface Recipient {
  name: string;
  role: string;
  organisation: string;
}

/** Who receives it: a page of its own, after the lawful basis, only when sharing (issue 13). */
export const fillRecipient =
  (recipient: Recipient): Fill =>
  async (page) => {
    await type(page, "Name of the person or team", recipient.name);
    await type(page, "Their role", recipient.role);
    await type(page, "Their organisation", recipient.organisation);
  };

export const EARLY_HELP_WORKER: Recipient = {
  name: "Dee Khan",
  role: "Early help worker",
  organisation: "Northshire Council",
};

export const fillDecision =
  (decision: DecisionChoice): Fill =>
  async (page) => {
    await choose(page, decision.outcome, "Your decision");
    await type(page, "Why have you made this decision?", decision.rationale);
    await type(page, "What is the purpose of sharing?", decision.purpose);
    const date = yesterday();
    const group = page.getByRole("group", { name: "Date of the decision", exact: true });
    await group.getByLabel("Day", { exact: true }).fill(date.day);
    await group.getByLabel("Month", { exact: true }).fill(date.month);
    await group.getByLabel("Year", { exact: true }).fill(date.year);
  };

/** What was done at once, and when (24-hour clock), in an emergency: the first page after urgency. */
export const fillEmergencyAction =
  (when: { day: string; month: string; year: string }): Fill =>
  async (page) => {
    const group = page.getByRole("group", { name: "Date action was taken", exact: true });
    await group.getByLabel("Day", { exact: true }).fill(when.day);
    await group.getByLabel("Month", { exact: true }).fill(when.month);
    await group.getByLabel("Year", { exact: true }).fill(when.year);
    await type(page, "Time action was taken", "14:30");
    await tick(page, ["Called 999", "Contacted children's social care"], "What did you do?");
    await type(page, "What happened?", "Police attended within ten minutes; the duty social worker was told by phone.");
  };

export const fillDepartureReason =
  (reason: string): Fill =>
  (page) =>
    type(page, "Why does your decision differ from what the flowchart indicates?", reason);

// ------------------------------------------------------------------------------ runs of questions

export const fillAboutInformation =
  (about: string[] = ["The child or young person"], sourceAgency?: string): Fill =>
  async (page) => {
    await tick(page, about, "Who is the information about?");
    if (!sourceAgency) return choose(page, "No", "Did any of the information come from another agency?");
    await choose(page, "Yes", "Did any of the information come from another agency?");
    await type(page, "Which agency?", sourceAgency);
  };

export const CHILD_VIEWS_TEXT = "She said she wants her teacher to help and is worried about her younger brother.";

export const fillChildViews: Fill = (page) => type(page, "What are the child's wishes and feelings?", CHILD_VIEWS_TEXT);

export const fillConsentFrom =
  (whose: "child" | "parent" | "adult" = "parent"): Fill =>
  async (page) => {
    const labels = {
      child: "The child or young person's own",
      parent: "A parent, or someone else with parental responsibility",
      adult: "The adult the information is about",
    };
    await choose(page, labels[whose], "Whose consent would you need?");
    if (whose === "child") {
      await choose(
        page,
        "Yes, they can decide for themselves",
        "Can the child understand what sharing means, and decide for themselves?",
      );
    }
  };

export const fillNotSharing: Fill = async (page) => {
  await choose(page, "Yes", "Have you told the person who asked that you will not share?");
  const group = page.getByRole("group", { name: "When will you look at this decision again?", exact: true });
  const nextYear = String(new Date().getUTCFullYear() + 1);
  await group.getByLabel("Day", { exact: true }).fill("15");
  await group.getByLabel("Month", { exact: true }).fill("1");
  await group.getByLabel("Year", { exact: true }).fill(nextYear);
};

/**
 * The opening questions of a routine (not emergency) request: no immediate risk, who asked,
 * whether it identifies anyone (yes), the concern, who the information is about, the child's views.
 */
export async function answerRoutineOpening(
  page: Page,
  caseReference: string,
  requester?: { name?: string; role: string; organisation: string },
): Promise<void> {
  await answer(page, "urgency", fillUrgency("No"));
  await answer(page, "request", fillRequest(requester));
  await answer(page, "identifiable", chooseOnly("Yes"));
  await answer(page, "concern", fillConcern(caseReference));
  await answer(page, "about-the-information", fillAboutInformation());
  await answer(page, "child-views", fillChildViews);
}

/** After a decision to share: to whom, what, how, telling the person, then safety (issue 11 order). */
export async function answerSharingQuestions(
  page: Page,
  fills: { recipient?: Recipient | Fill; safety?: Fill; informing?: Fill } = {},
): Promise<void> {
  const recipient = fills.recipient ?? EARLY_HELP_WORKER;
  await answer(page, "recipient", typeof recipient === "function" ? recipient : fillRecipient(recipient));
  await answer(page, "information-to-share", fillInformation);
  await answer(page, "sharing-method", fillSharingMethod);
  await answer(page, "informing", fills.informing ?? fillInforming());
  await answer(page, "safety", fills.safety ?? fillSafety());
}

/** A share without consent: `article6`, confidentiality set aside in the public interest, the sharing questions. */
export async function answerShareWithoutConsent(
  page: Page,
  article6: LawfulBasisChoice["article6"],
  recipient: Recipient,
): Promise<void> {
  const commonLaw = ["Public interest outweighs confidentiality"];
  await answer(page, "lawful-basis", fillLawfulBasis({ article6, commonLaw }));
  await answerSharingQuestions(page, { recipient });
}

/**
 * A typical share: consent given by a parent, public task, shared in full with a named early help
 * worker. Issue 11's order: identifiable in the opening, whose consent before consent, the decision
 * as soon as the flowchart has indicated, then the lawful basis and the sharing questions.
 */
export async function answerConsentGivenShare(page: Page, caseReference: string, rationale: string): Promise<void> {
  await answerRoutineOpening(page, caseReference, EARLY_HELP_WORKER);
  await answerUpToConsent(page, "Yes, consent has been given");
  const outcome = "Share the information";
  await answer(page, "decision", fillDecision({ outcome, rationale, purpose: "Early help assessment" }));
  await answer(page, "lawful-basis", fillLawfulBasis({ article6: "Public task", commonLaw: ["The person agreed"] }));
  await answerSharingQuestions(page);
}

// ------------------------------------------------------------------------------ check answers → record

export async function expectCheckAnswersPage(page: Page): Promise<void> {
  await expect(page).toHaveURL(stepUrl("check-answers"));
  await expect(
    page.getByRole("heading", { level: 1, name: "Check your answers before recording your decision" }),
  ).toBeVisible();
}

/** From check answers: records the decision and returns the reference shown on the confirmation panel. */
export async function recordDecision(page: Page): Promise<string> {
  await expectCheckAnswersPage(page);
  await page.getByRole("button", { name: "Record decision" }).click();
  await expect(page).toHaveURL(/\/decisions\/[^/]+\/confirmation$/);
  const reference = (await page.getByTestId("decision-reference").textContent())?.trim() ?? "";
  expect(reference).not.toBe("");
  expect(page.url()).toContain(`/decisions/${reference}/confirmation`);
  return reference;
}

/** Confirmation → "View or print the record" → the record page. */
export async function openRecordFromConfirmation(page: Page, reference: string): Promise<Locator> {
  await page.getByRole("link", { name: "View or print the record" }).click();
  await expect(page).toHaveURL(new RegExp(`/decisions/${reference}$`));
  const record = page.getByTestId("decision-record");
  await expect(record).toBeVisible();
  return record;
}

/** The value cell of a summary-list row on the record page, found by its key. */
export function recordRow(record: Locator, key: string): Locator {
  return record
    .locator("dl > div")
    .filter({ has: record.page().locator("dt", { hasText: new RegExp(`^${escapeRegExp(key)}$`) }) })
    .locator("dd")
    .first();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

// ------------------------------------------------------------------------------ the database

export interface DecisionRow {
  id: string;
  reference: string;
  draft_id: string;
  kind: string;
  supersedes_id: string | null;
  case_reference: string;
  urgency: string;
  origin: string;
  indication: string;
  outcome: string;
  departs_from_indication: boolean;
  review_flags: string[];
  consent_status: string;
  lawful_basis_ids: string[];
  child_at_risk: boolean;
  author_email: string;
  // The stored record: the full JSON the record page and the download show.
  record: {
    reference: string;
    outcome: string;
    rationale: string;
    purpose: string;
    indication: string;
    caseReference: string;
    urgency: string;
    recipient: { name?: string; role?: string; organisation?: string } | null;
    departure: { code: string; explanation: string; reason: string } | null;
    adviceSought: {
      question: string;
      adviserRole: string;
      adviserRoleOther?: string;
      advice: string;
      answerAfterAdvice: string;
    }[];
    consent: { status: string; notSoughtReason?: string };
    lawfulBases: { ids: string[]; specialCategory: boolean } | null;
    reviewFlags: string[];
    answers: Record<string, Record<string, unknown>>;
    [key: string]: unknown;
  };
}

const DECISION_SELECT = `SELECT d.*, u.email AS author_email FROM decision d JOIN app_user u ON u.id = d.author_id`;

export async function decisionByReference(reference: string): Promise<DecisionRow> {
  const result = await withDatabase((db) =>
    db.query<DecisionRow>(`${DECISION_SELECT} WHERE d.reference = $1`, [reference]),
  );
  expect(result.rows, `one decision ${reference}`).toHaveLength(1);
  return result.rows[0] as DecisionRow;
}

export async function decisionsForCase(caseReference: string): Promise<DecisionRow[]> {
  const result = await withDatabase((db) =>
    db.query<DecisionRow>(`${DECISION_SELECT} WHERE d.case_reference = $1 ORDER BY d.recorded_at`, [caseReference]),
  );
  return result.rows;
}

/**
 * Decisions recorded from one draft (0 or 1: a draft records once). Not every decision in the database:
 * other tests record theirs at the same time (the count of all of them failed a tampering test in CI).
 */
export async function decisionsFromDraft(draftId: string): Promise<number> {
  const result = await withDatabase((db) =>
    db.query<{ count: string }>("SELECT count(*) FROM decision WHERE draft_id = $1", [draftId]),
  );
  return Number(result.rows[0]?.count);
}

/** The draft's stored answers, or null once the draft is gone (recorded). */
export async function draftAnswers(draftId: string): Promise<Record<string, Record<string, unknown>> | null> {
  const result = await withDatabase((db) =>
    db.query<{ answers: Record<string, Record<string, unknown>> }>("SELECT answers FROM decision_draft WHERE id = $1", [
      draftId,
    ]),
  );
  return result.rows[0]?.answers ?? null;
}

export async function draftRow(
  draftId: string,
): Promise<{ answers: Record<string, unknown>; updated_at: Date; kind: string; supersedes_id: string | null } | null> {
  const result = await withDatabase((db) =>
    db.query<{ answers: Record<string, unknown>; updated_at: Date; kind: string; supersedes_id: string | null }>(
      "SELECT answers, updated_at, kind, supersedes_id FROM decision_draft WHERE id = $1",
      [draftId],
    ),
  );
  return result.rows[0] ?? null;
}

export async function auditEvents(
  action: string,
  objectId: string,
): Promise<{ action: string; actor_email: string; detail: unknown }[]> {
  const result = await withDatabase((db) =>
    db.query<{ action: string; actor_email: string; detail: unknown }>(
      `SELECT e.action, u.email AS actor_email, e.detail
         FROM audit_event e LEFT JOIN app_user u ON u.id = e.actor_id
        WHERE e.action = $1 AND e.object_id = $2 ORDER BY e.id`,
      [action, objectId],
    ),
  );
  return result.rows;
}

// ------------------------------------------------------------------------------ a whole short path

/**
 * The shortest path through the wizard's pages: no legitimate purpose,
 * so do not share. Ends on check answers; returns the draft's id.
 */
export async function walkToCheckAnswersWithoutPurpose(
  page: Page,
  caseReference: string,
  rationale: string,
): Promise<string> {
  const draftId = await startDecision(page);
  await answerRoutineOpening(page, caseReference, { role: "Housing officer", organisation: "Northshire Homes" });
  await answer(page, "significant-harm", chooseOnly("No"));
  await answer(page, "purpose", chooseOnly("No"));
  // The decision comes as soon as the flowchart has indicated; not sharing then asks its follow-up.
  await answer(
    page,
    "decision",
    fillDecision({ outcome: "Do not share", rationale, purpose: "Background for a housing application" }),
  );
  await answer(page, "not-sharing", fillNotSharing);
  await answer(page, "safety", fillSafety());
  await expectCheckAnswersPage(page);
  return draftId;
}

/** Records a "no legitimate purpose" decision and leaves the browser on its record page. */
export async function recordDecisionWithoutPurpose(
  page: Page,
  caseReference: string,
  rationale: string,
): Promise<string> {
  await walkToCheckAnswersWithoutPurpose(page, caseReference, rationale);
  const reference = await recordDecision(page);
  await openRecordFromConfirmation(page, reference);
  return reference;
}

/**
 * `email` signs in and records a "no legitimate purpose" decision from a draft made in the database (the
 * walk itself is tested elsewhere), leaving the browser on its record page.
 */
export async function signInAndRecordWithoutPurpose(
  page: Page,
  email: string,
  caseReference: string,
  rationale: string,
): Promise<string> {
  await signIn(page, email);
  return recordDraft(page, await draftWithAnswers(email, withoutPurposeAnswers(caseReference, rationale)));
}

// ------------------------------------------------------------------------------ drafts made in the database

/**
 * A draft of `email`'s holding `answers`, made in the database as the app's createDraft makes one (without
 * its audit event): for tests about what comes after the walk (check answers, records, tampering, the
 * pages that list decisions). Walking the wizard is tested where the walk is the subject (wizard-paths,
 * wizard-routes, the page fixtures). Returns the draft's id.
 */
export async function draftWithAnswers(email: string, answers: WizardAnswers): Promise<string> {
  return withDatabase((db) => insertDraft(db, email, answers));
}

/** The insert behind draftWithAnswers, on a connection the caller already holds (the page fixtures' setup). */
export async function insertDraft(db: pg.Client, email: string, answers: WizardAnswers): Promise<string> {
  const result = await db.query<{ id: string }>(
    `INSERT INTO decision_draft (id, author_id, organisation_id, answers, updated_at)
     SELECT gen_random_uuid(), u.id, u.organisation_id, $2::jsonb, now() FROM app_user u WHERE u.email = $1
     RETURNING id`,
    [email, JSON.stringify(answers)],
  );
  const id = result.rows[0]?.id;
  if (!id) throw new Error(`No user ${email} to own a draft`);
  return id;
}

/** The answers walkToCheckAnswersWithoutPurpose gives, as stored. */
export function withoutPurposeAnswers(caseReference: string, rationale: string): WizardAnswers {
  return {
    urgency: { immediateRisk: "no" },
    request: { origin: "request", requesterRole: "Housing officer", requesterOrganisation: "Northshire Homes" },
    identifiable: { identifiable: "yes" },
    concern: { ...VALID.concern, caseReference },
    "about-the-information": { informationAbout: ["child"], fromAnotherAgency: "no" },
    "child-views": { wishesAndFeelings: CHILD_VIEWS_TEXT },
    "significant-harm": { significantHarm: "no" },
    purpose: { legitimatePurpose: "no" },
    decision: {
      outcome: "NO_SHARE",
      rationale,
      purpose: "Background for a housing application",
      decisionDate: yesterday().iso,
    },
    "not-sharing": { requesterTold: "yes", revisitDate: `${new Date().getUTCFullYear() + 1}-01-15` },
    safety: { safetyConsiderations: SAFETY_TEXT, identitiesToProtect: ["none"] },
  };
}

/** Public task, no special category data, and the person's agreement for setting confidentiality aside. */
export const CONSENT_LAWFUL_BASIS: NonNullable<WizardAnswers["lawful-basis"]> = {
  article6: "art6-1-e",
  specialCategory: "no",
  article9: [],
  schedule1: [],
  schedule8: [],
  commonLaw: ["common-law-consent"],
  statutoryGateways: [],
};

/** Adds answers to a draft in the database, as if their pages had been saved (without their audit events). */
export async function addAnswers(draftId: string, answers: WizardAnswers): Promise<void> {
  await withDatabase((db) =>
    db.query("UPDATE decision_draft SET answers = answers || $2::jsonb, updated_at = now() WHERE id = $1", [
      draftId,
      JSON.stringify(answers),
    ]),
  );
}

/** The answers answerConsentGivenShare gives, as stored. */
export function consentGivenShareDraftAnswers(caseReference: string, rationale: string): WizardAnswers {
  const { name, role, organisation } = EARLY_HELP_WORKER;
  return {
    ...consentGivenShareAnswers(),
    request: { origin: "request", requesterName: name, requesterRole: role, requesterOrganisation: organisation },
    concern: { ...VALID.concern, caseReference },
    "child-views": { wishesAndFeelings: CHILD_VIEWS_TEXT },
    decision: { outcome: "SHARE", rationale, purpose: "Early help assessment", decisionDate: yesterday().iso },
    "lawful-basis": CONSENT_LAWFUL_BASIS,
    recipient: { recipientName: name, recipientRole: role, recipientOrganisation: organisation },
    "information-to-share": { ...VALID["information-to-share"], informationDescription: INFORMATION_TEXT },
    "sharing-method": { method: "secure-email", securityMeasures: SECURITY_TEXT },
    safety: { safetyConsiderations: SAFETY_TEXT, identitiesToProtect: ["none"] },
  };
}

/** The opening answers every routine path starts with, for `caseReference`. */
export function routineOpeningAnswers(caseReference: string): WizardAnswers {
  return { ...START, concern: { ...VALID.concern, caseReference } };
}

/** Opens a draft's check answers page, records it there, and leaves the browser on its record page. */
export async function recordDraft(page: Page, draftId: string): Promise<string> {
  await page.goto(`/decisions/drafts/${draftId}/check-answers`);
  const reference = await recordDecision(page);
  await openRecordFromConfirmation(page, reference);
  return reference;
}

// ---- suitewiz8 (issue 9): a record's rows and its stored row, each checked in one go ----

/**
 * Checks the record page's summary-list rows named in `rows`, each by key: its whole text (white space
 * folded, as toHaveText does), a list of parts it must contain, or a matcher (`expect.stringMatching`). It
 * retries until all match, as a web-first assertion does, but reads every row in one call per try: a check
 * per row cost a round trip each, some twenty per path. A missing row reads as null.
 */
export async function expectRecordRows(
  record: Locator,
  rows: Record<string, string | string[] | object>,
): Promise<void> {
  await expect.poll(() => recordRows(record, rows), { message: "the record's rows" }).toEqual(rows);
}

/**
 * The text of the first value cell of each row in `expected` (as recordRow finds it), or null; where a
 * list of parts is expected, the parts the text contains.
 */
async function recordRows(record: Locator, expected: Record<string, unknown>): Promise<Record<string, unknown>> {
  const rows = await record.locator("dl > div").evaluateAll((divs) =>
    divs.map((div) => ({
      keys: [...div.querySelectorAll("dt")].map((dt) => dt.textContent ?? ""),
      value: div.querySelector("dd")?.textContent ?? null,
    })),
  );
  const fold = (text: string) => text.replace(/\s+/g, " ").trim();
  return Object.fromEntries(
    Object.entries(expected).map(([key, want]) => {
      const value = rows.find((row) => row.value !== null && row.keys.some((k) => fold(k) === key))?.value;
      if (value === undefined || value === null) return [key, null];
      return [key, Array.isArray(want) ? want.filter((part: string) => fold(value).includes(part)) : fold(value)];
    }),
  );
}

/** The stored decision `reference`, checked to have `columns` (toMatchObject), for a test's further checks. */
export async function expectStoredDecision(
  reference: string,
  columns: Partial<Omit<DecisionRow, "record">>,
): Promise<DecisionRow> {
  const row = await decisionByReference(reference);
  expect(row).toMatchObject(columns);
  return row;
}

/** The question page `stepId`, showing the flowchart's indication with each of `texts` in it. */
export async function expectIndicated(page: Page, stepId: string, ...texts: string[]): Promise<void> {
  await expectQuestionPage(page, stepId);
  for (const text of texts) await expect(page.getByTestId("indication")).toContainText(text);
}

/**
 * From the harm question to consent on a routine path: no significant harm, a legitimate purpose,
 * confidential information, a parent's consent to ask for; then `consent`, the answer about it.
 */
export async function answerUpToConsent(page: Page, consent: string): Promise<void> {
  await answer(page, "significant-harm", chooseOnly("No"));
  await answer(page, "purpose", chooseOnly("Yes"));
  await answer(page, "confidential", chooseOnly("Yes"));
  await answer(page, "consent-from", fillConsentFrom("parent"));
  await answer(page, "consent", chooseOnly(consent));
}

/** `email` signs in, starts a decision and answers the routine opening questions for `caseReference`. */
export async function startRoutinePath(
  page: Page,
  email: string,
  caseReference: string,
  requester?: { name?: string; role: string; organisation: string },
): Promise<void> {
  await signIn(page, email);
  await startDecision(page);
  await answerRoutineOpening(page, caseReference, requester);
}
