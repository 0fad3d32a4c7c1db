// The accessibility checks' own check (decision 011): expectNoAxeViolations runs axe-core in the page
// itself, so a page with violations must fail it, and the scope it is given must hold.
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./support";

const html = (body: string) =>
  `<!doctype html><html lang="en"><head><title>Check</title></head><body><main>${body}</main></body></html>`;

test("the axe check fails on a page with WCAG violations and passes where they are out of scope", async ({ page }) => {
  await page.setContent(html('<h1>Check</h1><img src="data:,"><nav id="menu"><input type="text"></nav>'));
  const failure = (scope?: { exclude: string }) =>
    expectNoAxeViolations(page, scope).then(
      () => "no failure",
      (error: Error) => error.message,
    );
  const whole = await failure();
  expect(whole).toMatch(/image-alt/);
  expect(whole).toMatch(/\blabel\b/);
  // Again on the same page (axe is in it now), the navigation left out: only the image is reported.
  const outsideMenu = await failure({ exclude: "#menu" });
  expect(outsideMenu).toMatch(/image-alt/);
  expect(outsideMenu).not.toMatch(/\blabel\b/);
  await expectNoAxeViolations(page, { include: "h1" });

  await page.setContent(html('<h1>Check</h1><img src="data:," alt="A check"><label>Name <input></label>'));
  await expectNoAxeViolations(page);
});
