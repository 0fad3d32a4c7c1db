// Every page type is served with the strict, nonced Content-Security-Policy (decision 015) and
// runs with it: no violation reported in the console, and the page's own scripts still work.
import { type Page, expect, test } from "@playwright/test";
import { USERS, signIn } from "./support";
import { draftWithAnswers, recordDraft, uniqueCaseReference, withoutPurposeAnswers } from "./wizard-helpers";

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

async function expectStrictPolicy(page: Page, path: string, signedIn: boolean): Promise<void> {
  const response = await page.goto(path);
  expect(response, path).not.toBeNull();
  // The person can open the page (the IG journey leaves the IG lead's other pages to this check).
  if (path !== "/no-such-page") expect(response!.status(), path).toBe(200);
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
  // The page's own scripts ran under the policy: a signed-in page's timeout warning arms itself once React
  // has hydrated it (a script blocked by the policy would have been reported by then). Waiting for the
  // network to go quiet took half a second or more a page, mostly for link prefetches: only the visitors'
  // pages, which have no such sign, still wait for it.
  if (signedIn) await expect(page.getByTestId("timeout-warning"), path).toHaveAttribute("data-armed", "true");
  else await page.waitForLoadState("networkidle");
}

const PAGES: { who: keyof typeof USERS | null; paths: string[] }[] = [
  { who: null, paths: ["/sign-in", "/accessibility", "/signed-out", "/no-such-page"] },
  // Its wizard step and recorded decision are added in the test (their addresses hold ids).
  { who: "practitioner", paths: ["/decisions", "/decisions/new", "/notifications"] },
  { who: "supervisor", paths: ["/review", "/escalations"] },
  { who: "igLead", paths: ["/audit", "/dashboard", "/retention", "/settings", "/subject-access", "/escalations"] },
  { who: "admin", paths: ["/admin/users"] },
];

for (const group of PAGES) {
  test(`pages for ${group.who ?? "visitors"} carry the CSP and break none of it`, async ({ page }) => {
    const violations = watchViolations(page);
    const paths = [...group.paths];
    if (group.who) await signIn(page, USERS[group.who]);
    if (group.who === "practitioner") {
      // A wizard step, of a draft made for the test, and a decision it records from another (its check
      // answers, confirmation and record pages are watched for violations on the way too).
      paths.push(`/decisions/drafts/${await draftWithAnswers(USERS.practitioner, {})}/urgency`);
      const answers = withoutPurposeAnswers(
        uniqueCaseReference("CSP"),
        "There is no clear purpose: the request is for a general background check.",
      );
      const reference = await recordDraft(page, await draftWithAnswers(USERS.practitioner, answers));
      paths.push(`/decisions/${reference}`);
    }
    for (const path of paths) await expectStrictPolicy(page, path, group.who !== null);
    expect(violations).toEqual([]);
  });
}
