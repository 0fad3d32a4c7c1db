import { expect, test } from "@playwright/test";
import { USERS, expectNoAxeViolations, signIn, signInThroughForm, signOut, withDatabase } from "./support";

test("the sign-in page explains mistakes and has no accessibility issues", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in/);
  await expectNoAxeViolations(page);

  await page.getByRole("button", { name: "Sign in" }).click();
  const summary = page.getByTestId("error-summary");
  await expect(summary).toContainText("Enter your email address");
  await expect(summary).toContainText("Enter your password");
  await expect(summary).toBeFocused();
  await expectNoAxeViolations(page);

  await page.getByLabel("Email address").fill(USERS.practitioner);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(summary).toContainText("Enter the email address and password for your InfoShare account");
  await expect(page.getByLabel("Email address")).toHaveValue(USERS.practitioner);
});

const ROLE_HOMES = [
  {
    role: "practitioner",
    email: USERS.practitioner,
    path: "/decisions",
    heading: "Your decisions",
    nav: "Record a decision",
  },
  { role: "supervisor", email: USERS.supervisor, path: "/review", heading: "Review queue", nav: "Review queue" },
  { role: "IG lead", email: USERS.igLead, path: "/audit", heading: "Audit log", nav: "Audit log" },
  { role: "admin", email: USERS.admin, path: "/admin/users", heading: "Users", nav: "Users" },
] as const;

for (const home of ROLE_HOMES) {
  test(`a ${home.role} signs in to their own home and signs out`, async ({ page }) => {
    await signInThroughForm(page, home.email);
    await expect(page).toHaveURL(new RegExp(`${home.path}$`));
    await expect(page.getByRole("heading", { level: 1, name: home.heading })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: home.nav })).toBeVisible();
    await expectNoAxeViolations(page);

    await signOut(page);
    await expect(page.getByRole("heading", { name: "You have signed out" })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.goto(home.path);
    await expect(page).toHaveURL(/\/sign-in/);
  });
}

test("a practitioner opening the audit log gets the forbidden page, and it is audited", async ({ page }) => {
  await signIn(page, USERS.practitioner);
  const response = await page.goto("/audit");
  expect(response?.status()).toBe(403);
  await expect(page.getByTestId("forbidden")).toBeVisible();
  await expect(page.getByTestId("audit-table")).toHaveCount(0);
  await expectNoAxeViolations(page);

  const denied = await withDatabase((db) =>
    db.query(
      `SELECT e.detail FROM audit_event e JOIN app_user u ON u.id = e.actor_id
        WHERE u.email = $1 AND e.action = 'access.denied'`,
      [USERS.practitioner],
    ),
  );
  expect(denied.rows.map((r) => r.detail)).toContainEqual({ attempted: "audit.view" });
});

test("the IG lead's audit log shows sign-ins in their organisation", async ({ page }) => {
  await signIn(page, USERS.igLead);
  // Filtered to sign-ins: tests running alongside add other events faster than one page of the log holds.
  await page.goto("/audit?action=auth.sign-in");
  const table = page.getByTestId("audit-table");
  await expect(table).toContainText("auth.sign-in");
  await expect(table).toContainText("Priya Shah");
});

// Lee Jones is disabled here and in no other browser test, so tests running alongside keep their users.
const LEE = { email: "lee.jones@northshire.example", name: "Lee Jones" };

test("a disabled user's existing session is refused on its next request", async ({ browser }) => {
  const practitioner = await browser.newContext();
  const practitionerPage = await practitioner.newPage();
  await signInThroughForm(practitionerPage, LEE.email);
  await expect(practitionerPage).toHaveURL(/\/decisions$/);

  const admin = await browser.newContext();
  const adminPage = await admin.newPage();
  await signIn(adminPage, USERS.admin);
  await adminPage.getByRole("button", { name: `Disable ${LEE.name}` }).click();
  await expect(adminPage.getByTestId("access-message")).toContainText(`${LEE.name} has been disabled`);
  await expectNoAxeViolations(adminPage);

  await practitionerPage.goto("/decisions");
  await expect(practitionerPage).toHaveURL(/\/sign-in\?reason=revoked/);
  await expect(practitionerPage.getByText("Your session has ended")).toBeVisible();
  await expectNoAxeViolations(practitionerPage);

  // Signing in again is refused while disabled.
  await practitionerPage.getByLabel("Email address").fill(LEE.email);
  await practitionerPage.getByLabel("Password").fill("InfoShare-demo-2026");
  await practitionerPage.getByRole("button", { name: "Sign in" }).click();
  await expect(practitionerPage.getByTestId("error-summary")).toContainText("Your account has been disabled");

  // Re-enable, so that a second run on the same database can do this again.
  await adminPage.getByRole("button", { name: `Enable ${LEE.name}` }).click();
  await expect(adminPage.getByTestId("access-message")).toContainText(`${LEE.name} has been enabled`);
  await practitioner.close();
  await admin.close();
});

test("the health endpoint reports the database", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  const body = await response.json();
  expect(body.status).toBe("ok");
  expect(body.database.status).toBe("up");
  expect(body.database.migrations).toBeGreaterThan(0);
});

test("the accessibility statement is reachable without signing in", async ({ page }) => {
  await page.goto("/accessibility");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Accessibility statement");
  await expectNoAxeViolations(page);
});

test("the idle timeout warns before signing out", async ({ page }) => {
  await signIn(page, USERS.supervisor);
  // Shorten the client's clock rather than waiting half an hour: the dialog shows when the time
  // left falls inside the warning period.
  await page.clock.install();
  await page.reload();
  await page.clock.fastForward("28:30");
  const dialog = page.getByTestId("timeout-warning");
  // The dialog's timer starts at hydration, which can come after the jump: the fake clock then
  // stands still, so move it on a second at a time until the timer has ticked.
  await expect(async () => {
    await page.clock.runFor(1_000);
    await expect(dialog).toBeVisible({ timeout: 200 });
  }).toPass({ timeout: 30_000 });
  await expect(dialog).toContainText("You’re about to be signed out");
  await expectNoAxeViolations(page);
  await dialog.getByRole("button", { name: "Stay signed in" }).click();
  await expect(dialog).toBeHidden();
});

test("every page has its title: in the head as first served, and after moving between pages", async ({ page }) => {
  const titleInHead = /<head>(?:(?!<\/head>)[\s\S])*<title>([^<]+)<\/title>(?:(?!<\/head>)[\s\S])*<\/head>/;
  const signInHtml = await (await page.request.get("/sign-in")).text();
  expect(titleInHead.exec(signInHtml)?.[1]).toMatch(/^Sign in/);

  await signIn(page, USERS.practitioner);
  await page.goto("/decisions/new");
  await page.getByRole("button", { name: "Start now" }).click();
  await page.waitForURL(/\/decisions\/drafts\/[^/]+\/urgency$/);
  // Moving without a reload, Next shows the new page and sets its title in the commit after:
  // the title must follow, naming the question.
  const question = (await page.getByRole("heading", { level: 1 }).textContent()) ?? "";
  await expect(page).toHaveTitle(`${question} – InfoShare`);
  for (const path of [new URL(page.url()).pathname, "/decisions", "/decisions/new"]) {
    const html = await (await page.request.get(path)).text();
    expect(titleInHead.exec(html)?.[1], path).toBeTruthy();
  }
});
