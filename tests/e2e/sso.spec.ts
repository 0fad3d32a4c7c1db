// Single sign-on in the browser (issue 10, decision 022) against a real OpenID provider: the
// certified oidc-provider package, started by scripts/e2e-server.ts on a loopback port, with
// Riverside Primary School configured to sign in through it. Its development pages accept any
// login name and password; the login name is the email it vouches for (verified).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type Page, expect, test } from "@playwright/test";
import { USERS, signIn, withDatabase } from "./support";

const issuer = () =>
  readFileSync(join(process.cwd(), ".data", `e2e-identity-provider-${process.env.E2E_PORT ?? 3100}`), "utf8");

/** From InfoShare's sign-in page to the provider's, signs in there as `login` and consents. */
async function signInThroughProvider(page: Page, email: string, login = email): Promise<void> {
  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Sign in with your organisation’s account" }).click();
  await expect(page.getByRole("heading", { name: "Sign in with your organisation’s account" })).toBeVisible();
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Continue" }).click();
  await page.waitForURL((url) => url.href.startsWith(issuer()));
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("any password: the provider checks it, not InfoShare");
  await page.locator('button[type="submit"]').click();
  // The provider asks for consent to share the email and profile with InfoShare.
  await page.getByRole("button", { name: "Continue" }).click();
  await page.waitForURL((url) => !url.href.startsWith(issuer()));
}

test.describe("single sign-on", () => {
  test("a practitioner signs in with their organisation's account and gets a real session", async ({ page }) => {
    await signInThroughProvider(page, USERS.schoolPractitioner);
    await expect(page).toHaveURL(/\/decisions$/);
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();

    await page.goto("/sessions");
    await expect(page).toHaveURL(/\/sessions$/);
    const event = await withDatabase(async (client) => {
      const { rows } = await client.query<{ outcome: string; method: string }>(
        `SELECT e.outcome::text, e.detail->>'method' AS method FROM audit_event e
           JOIN app_user u ON u.id = e.actor_id
          WHERE e.action = 'auth.sign-in' AND u.email = $1 ORDER BY e.id DESC LIMIT 1`,
        [USERS.schoolPractitioner],
      );
      return rows[0];
    });
    expect(event).toEqual({ outcome: "SUCCESS", method: "sso" });

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/signed-out$/);
  });

  test("it works without JavaScript: the provider's address is a link to follow", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/sign-in/organisation");
    await page.getByLabel("Email address").fill(USERS.schoolPractitioner2);
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByRole("link", { name: "Continue" }).click();
    await page.waitForURL((url) => url.href.startsWith(issuer()));
    await page.locator('input[name="login"]').fill(USERS.schoolPractitioner2);
    await page.locator('input[name="password"]').fill("any password");
    await page.locator('button[type="submit"]').click();
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page).toHaveURL(/\/decisions$/);
    await context.close();
  });

  test("someone the organisation has not invited is sent back with the reason", async ({ page }) => {
    await signInThroughProvider(page, "stranger@riverside.example");
    await expect(page).toHaveURL(/\/sign-in\/organisation\?problem=not-invited$/);
    await expect(page.getByTestId("error-summary")).toContainText("You do not have an InfoShare account yet");
  });

  test("an email whose organisation has no single sign-on is told to use a password", async ({ page }) => {
    await page.goto("/sign-in/organisation");
    await page.getByLabel("Email address").fill(USERS.practitioner);
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByTestId("error-summary")).toContainText("Sign in with your email address and password");
  });

  test("the admin sees the secret only as set, and tests the connection to the provider", async ({ page }) => {
    await signIn(page, "admin@riverside.example");
    await page.goto("/admin/single-sign-on");
    await expect(page.getByLabel("Issuer URL")).toHaveValue(issuer());
    await expect(page.getByLabel("Client secret")).toHaveValue("");
    await expect(page.getByText("A client secret is set.")).toBeVisible();
    await page.getByRole("button", { name: "Test connection" }).click();
    await expect(page.getByText(`signs people in at ${issuer()}/auth`)).toBeVisible();
  });
});
