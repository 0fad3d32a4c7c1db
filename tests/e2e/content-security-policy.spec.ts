// Every page type is served with the strict, nonced Content-Security-Policy (decision 015) and
// runs with it: no violation reported in the console, and the page's own scripts still work.
import { type Page, expect, test } from "@playwright/test";
import { USERS, signIn } from "./support";

/** Collects CSP violations as the browser reports them, in the console and as events. */
function watchViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(message.text())) violations.push(message.text());
  });
  void page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(`Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  return violations;
}

async function expectStrictPolicy(page: Page, path: string): Promise<void> {
  const response = await page.goto(path);
  expect(response, path).not.toBeNull();
  const headers = response!.headers();
  const csp = headers["content-security-policy"] ?? "";
  expect(csp, path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp, path).toContain("frame-ancestors 'none'");
  expect(headers["cache-control"], path).toContain("no-store");
  // Next.js put this response's nonce on every script it rendered (those its scripts load later
  // are trusted through 'strict-dynamic').
  const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
  const tags = (await response!.text()).match(/<script\b[^>]*>/g) ?? [];
  expect(tags.length, path).toBeGreaterThan(0);
  for (const tag of tags) expect(tag, path).toContain(`nonce="${nonce}"`);
  await page.waitForLoadState("networkidle");
}

const PAGES: { who: keyof typeof USERS | null; paths: string[] }[] = [
  { who: null, paths: ["/sign-in", "/accessibility", "/signed-out", "/no-such-page"] },
  { who: "practitioner", paths: ["/decisions", "/decisions/new", "/notifications"] },
  { who: "supervisor", paths: ["/review", "/escalations"] },
  { who: "igLead", paths: ["/audit", "/dashboard", "/retention", "/settings", "/subject-access"] },
  { who: "admin", paths: ["/admin/users"] },
];

for (const group of PAGES) {
  test(`pages for ${group.who ?? "visitors"} carry the CSP and break none of it`, async ({ page }) => {
    const violations = watchViolations(page);
    if (group.who) await signIn(page, USERS[group.who]);
    for (const path of group.paths) await expectStrictPolicy(page, path);
    expect(violations).toEqual([]);
  });
}

test("a wizard step and a recorded decision carry the CSP too", async ({ page }) => {
  const violations = watchViolations(page);
  await signIn(page, USERS.practitioner);
  await page.goto("/decisions/new");
  const start = page.getByRole("button", { name: /start|continue/i }).first();
  if (await start.isVisible()) await start.click();
  await page.waitForLoadState("networkidle");
  await expectStrictPolicy(page, new URL(page.url()).pathname);
  await page.goto("/decisions");
  const first = page.locator('a[href^="/decisions/DEC-"]').first();
  if ((await first.count()) > 0) await expectStrictPolicy(page, (await first.getAttribute("href"))!);
  expect(violations).toEqual([]);
});
