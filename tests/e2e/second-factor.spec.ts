// The second factor in the browser (issue 10, decision 021): a person who must have one and has
// none sets up an authenticator app straight after their password (QR code, or the key as text),
// sees their recovery codes once and signs in with the app next time; another adds a passkey with
// Chromium's virtual authenticator (CDP WebAuthn) and signs in with it.
import { expect, test } from "@playwright/test";
import { totpCodeAt } from "../../src/domain/second-factor/totp";
import { DEMO_PASSWORD } from "../../scripts/lib/demo-data";
import { completeSecondFactor, copyOfDemoUser, expectNoAxeViolations, signOut, withDatabase } from "./support";

// Copies of Lee Jones (a social worker) and Dan Hughes (a school's DPO), made by each test: other tests
// sign in as the demo users themselves, and the admin tests deactivate Lee.
const LEE_JONES = "lee.jones@northshire.example";
const DAN_HUGHES = "dan.hughes@riverside.example";
const port = Number(process.env.E2E_PORT ?? 3100);
// The header's navigation is the accessibility spec's to scan (it has a known target-size failure).
const NAVIGATION = { exclude: 'header nav[aria-label="Main"]' };

test("someone with no second factor sets up an authenticator app after the password, then signs in with it", async ({
  page,
}) => {
  const LEE = await copyOfDemoUser(LEE_JONES, "lee");
  await withDatabase((db) =>
    db.query("DELETE FROM totp_factor WHERE user_id = (SELECT id FROM app_user WHERE email = $1)", [LEE]),
  );
  await page.goto("/sign-in");
  await page.getByLabel("Email address").fill(LEE);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/second-factor\/set-up$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Set up your second factor");
  await expect(page.getByRole("img", { name: "QR code for your authenticator app" })).toBeVisible();
  // Nothing else opens until it is done.
  await page.goto("/decisions");
  await expect(page).toHaveURL(/\/second-factor/);
  await page.goto("/second-factor/set-up");
  for (const width of [1280, 320]) {
    await page.setViewportSize({ width, height: 900 });
    await expectNoAxeViolations(page, NAVIGATION);
    const size = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    expect(size[0]).toBeLessThanOrEqual(size[1]!);
  }
  await page.setViewportSize({ width: 1280, height: 900 });

  await page.getByText("I cannot scan the QR code").click();
  const secret = (await page.getByTestId("totp-secret").innerText()).replace(/\s/g, "");
  await page
    .getByLabel("Enter the 6-digit code your app now shows")
    .fill("000000" === totpCodeAt(secret, Date.now()) ? "111111" : "000000");
  await page.getByRole("button", { name: "Check code and continue" }).click();
  await expect(page.getByTestId("error-summary")).toBeVisible();
  await expectNoAxeViolations(page, NAVIGATION);

  await page.getByLabel("Enter the 6-digit code your app now shows").fill(totpCodeAt(secret, Date.now()));
  await page.getByRole("button", { name: "Check code and continue" }).click();
  const codes = page.getByTestId("recovery-codes");
  await expect(codes.getByRole("listitem")).toHaveCount(10);
  await expectNoAxeViolations(page, NAVIGATION);
  await codes.getByRole("link", { name: "Continue" }).click();
  await expect(page).toHaveURL(/\/decisions$/);

  await signOut(page);
  await page.goto("/sign-in");
  await page.getByLabel("Email address").fill(LEE);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/second-factor$/);
  await completeSecondFactor(page, LEE, secret);
  await expect(page).toHaveURL(/\/decisions$/);
  const events = await withDatabase((db) =>
    db.query(
      `SELECT e.action, e.outcome FROM audit_event e JOIN app_user u ON u.id = e.object_id::uuid
        WHERE u.email = $1 AND e.action IN ('second-factor.enrol', 'auth.second-factor') ORDER BY e.id`,
      [LEE],
    ),
  );
  expect(events.rows).toEqual([
    { action: "second-factor.enrol", outcome: "FAILURE" },
    { action: "second-factor.enrol", outcome: "SUCCESS" },
    { action: "auth.second-factor", outcome: "SUCCESS" },
  ]);
});

test("an IG lead adds a passkey and signs in with it (Chromium's virtual authenticator)", async ({ page }) => {
  // Passkeys belong to a host name, never an IP address: this test uses localhost (decision 021).
  const origin = `http://localhost:${port}`;
  const DAN = await copyOfDemoUser(DAN_HUGHES, "dan");
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2",
      transport: "internal",
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });

  await page.goto(`${origin}/sign-in`);
  await page.getByLabel("Email address").fill(DAN);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/second-factor$/);
  await completeSecondFactor(page, DAN);
  await page.goto(`${origin}/second-factor/manage`);
  await page.getByLabel("Passkey name").fill("Office laptop");
  await page.getByRole("button", { name: "Add a passkey" }).click();
  await expect(page.getByTestId("passkeys")).toContainText("Office laptop");
  for (const width of [1280, 320]) {
    await page.setViewportSize({ width, height: 900 });
    await expectNoAxeViolations(page, NAVIGATION);
  }
  await page.setViewportSize({ width: 1280, height: 900 });

  await signOut(page);
  await page.goto(`${origin}/sign-in`);
  await page.getByLabel("Email address").fill(DAN);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/second-factor$/);
  await page.getByRole("button", { name: "Use your passkey" }).click();
  await expect(page).toHaveURL(/\/audit$/);
  await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();

  const used = await withDatabase((db) =>
    db.query(
      `SELECT p.name, p.last_used_at IS NOT NULL AS used FROM passkey p JOIN app_user u ON u.id = p.user_id
        WHERE u.email = $1`,
      [DAN],
    ),
  );
  expect(used.rows).toEqual([{ name: "Office laptop", used: true }]);
});
