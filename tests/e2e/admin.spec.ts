// Administration (issue 10, decision 020), as the demo admin: teams, a person's role and team, and
// deactivation with its confirmation page. Accessibility of each page is checked in
// accessibility.spec.ts.
import { type Browser, expect, test } from "@playwright/test";
import { DEMO_PASSWORD } from "../../scripts/lib/demo-data";
import { USERS, expectNoAxeViolations, signIn, signInThroughForm, withDatabase } from "./support";

// Lee Jones is the one demo user these tests deactivate, and no other browser test signs in as Lee:
// deactivating ends every session of that user, including ones tests running alongside would be using.
// The tests of this file run one after another, so each finds Lee active, in their own team and role.
const LEE = "lee.jones@northshire.example";
test.describe.configure({ mode: "default" });
const SUPERVISOR_ROLE = "Supervisor / designated safeguarding lead";

/** The admin's audit events of these actions since `since`, oldest first. */
async function adminEvents(since: Date, actions: string[]) {
  const rows = await withDatabase((db) =>
    db.query<{ action: string; detail: Record<string, unknown> }>(
      `SELECT e.action, e.detail FROM audit_event e JOIN app_user u ON u.id = e.actor_id
        WHERE u.email = $1 AND e.action = ANY($2) AND e.at >= $3 ORDER BY e.id`,
      [USERS.admin, actions, since],
    ),
  );
  return rows.rows;
}

/** Lee signed in through the form on a browser of their own, on their decisions (to see that session end). */
async function leeSignedInElsewhere(browser: Browser) {
  const page = await (await browser.newContext()).newPage();
  await signInThroughForm(page, LEE);
  await expect(page).toHaveURL(/\/decisions$/);
  return page;
}

async function adminPageIn(browser: Browser, javaScriptEnabled = true) {
  const context = await browser.newContext({ javaScriptEnabled });
  const page = await context.newPage();
  await signIn(page, USERS.admin);
  return page;
}

test("an admin makes and renames a team, moves someone into it as supervisor, deactivates, reactivates", async ({
  browser,
}) => {
  // Deactivating also refuses that person's existing session and their signing in, checked on the way.
  const since = new Date(Date.now() - 1000);
  const suffix = String(Date.now()).slice(-6);
  const teamName = `Early Help ${suffix}`;
  const renamed = `Early Help Hub ${suffix}`;

  // Lee is signed in elsewhere: deactivation must end that session at once.
  const leePage = await leeSignedInElsewhere(browser);

  const page = await adminPageIn(browser);
  await page.goto("/");
  await expect(page).toHaveURL(/\/admin$/);
  await page.getByTestId("admin-sections").getByRole("link", { name: "Teams" }).click();
  await page.getByRole("button", { name: "Create a team" }).click();
  await page.getByLabel("Team name").fill(teamName);
  await page.getByRole("button", { name: "Create team" }).click();
  await expect(page.getByTestId("team-notice")).toHaveText("Team created.");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(teamName);

  // A name that differs only in case is refused.
  await page.goto("/admin/teams/new");
  await page.getByLabel("Team name").fill(teamName.toUpperCase());
  await page.getByRole("button", { name: "Create team" }).click();
  await expect(page.getByTestId("error-summary")).toContainText(`There is already a team called`);

  await page.goto("/admin/teams");
  await page.getByRole("link", { name: teamName }).click();
  await page.getByLabel("New team name").fill(renamed);
  await page.getByRole("button", { name: "Rename team" }).click();
  await expect(page.getByTestId("team-notice")).toHaveText("Team renamed.");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(renamed);

  // Find Lee, move them into the team as a supervisor.
  await page.goto("/admin/users");
  await page.getByLabel("Name or email").fill("lee.jones");
  await page.getByRole("button", { name: "Show people" }).click();
  await expect(page.getByTestId("people-count")).toHaveText("1 person match.");
  await page.getByTestId("people-table").getByRole("link", { name: "Lee Jones" }).click();
  await page.getByRole("radio", { name: SUPERVISOR_ROLE }).check();
  await page.getByRole("radio", { name: renamed }).check();
  await page.getByRole("button", { name: "Save role and team" }).click();
  await expect(page.getByTestId("person-notice")).toHaveText("Role and team saved.");
  await expect(page.getByRole("radio", { name: SUPERVISOR_ROLE })).toBeChecked();
  await expect(page.getByRole("radio", { name: renamed })).toBeChecked();

  // Deactivate, through the "Are you sure" page.
  await page.getByRole("button", { name: "Deactivate account" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "Are you sure you want to deactivate Lee Jones's account?",
  );
  await page.getByRole("button", { name: "Yes, deactivate account" }).click();
  await expect(page.getByTestId("person-notice")).toHaveText("Account deactivated. Their sessions have ended.");
  await expect(page.getByText("Deactivated", { exact: true })).toBeVisible();

  await expectNoAxeViolations(page);

  // Lee's existing session is refused on its next request, and so is signing in while deactivated.
  await leePage.goto("/decisions");
  await expect(leePage).toHaveURL(/\/sign-in\?reason=revoked/);
  await expect(leePage.getByText("Your session has ended")).toBeVisible();
  await expectNoAxeViolations(leePage);
  await leePage.getByLabel("Email address").fill(LEE);
  await leePage.getByLabel("Password").fill(DEMO_PASSWORD);
  await leePage.getByRole("button", { name: "Sign in" }).click();
  await expect(leePage.getByTestId("error-summary")).toContainText("Your account has been disabled");

  await page.getByRole("button", { name: "Reactivate account" }).click();
  await expect(page.getByTestId("person-notice")).toHaveText("Account reactivated. They can sign in again.");

  // The team lists Lee now.
  await page.goto("/admin/teams");
  await page.getByRole("link", { name: renamed }).click();
  await expect(page.getByTestId("team-members")).toContainText("Lee Jones");

  const events = await adminEvents(since, ["team.create", "team.rename", "user.update", "user.disable", "user.enable"]);
  expect(events.map((e) => e.action)).toEqual([
    "team.create",
    "team.rename",
    "user.update",
    "user.disable",
    "user.enable",
  ]);
  expect(events[2]?.detail).toMatchObject({
    before: { role: "PRACTITIONER", teamName: "Assessment Team South" },
    after: { role: "SUPERVISOR", teamName: renamed },
  });

  // Lee back as they were, for other tests.
  await page.goto("/admin/users?q=lee.jones");
  await page.getByTestId("people-table").getByRole("link", { name: "Lee Jones" }).click();
  await page.getByRole("radio", { name: "Practitioner", exact: true }).check();
  await page.getByRole("radio", { name: "Assessment Team South" }).check();
  await page.getByRole("button", { name: "Save role and team" }).click();
  await expect(page.getByTestId("person-notice")).toHaveText("Role and team saved.");
  await page.context().close();
  await leePage.context().close();
});

test("deactivation and its confirmation work without JavaScript; the last admin cannot deactivate themselves", async ({
  browser,
}) => {
  const page = await adminPageIn(browser, false);
  await page.goto("/admin/users?q=lee.jones");
  await page.getByTestId("people-table").getByRole("link", { name: "Lee Jones" }).click();
  await page.getByRole("button", { name: "Deactivate account" }).click();
  await page.getByRole("button", { name: "Yes, deactivate account" }).click();
  await expect(page.getByTestId("person-notice")).toHaveText("Account deactivated. Their sessions have ended.");
  await page.getByRole("button", { name: "Reactivate account" }).click();
  await expect(page.getByTestId("person-notice")).toHaveText("Account reactivated. They can sign in again.");

  // The demo admin is Northshire's only admin.
  await page.goto("/admin/users?q=admin%40northshire");
  await page.getByTestId("people-table").getByRole("link").first().click();
  await page.getByRole("button", { name: "Deactivate account" }).click();
  await page.getByRole("button", { name: "Yes, deactivate account" }).click();
  await expect(page.getByTestId("error-summary")).toContainText("You are the only active admin");
  await page.goto("/admin");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Administration");
  await page.context().close();
});
