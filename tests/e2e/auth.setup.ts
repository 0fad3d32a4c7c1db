// Playwright setup project: signs every demo user the browser tests use in through the form, once
// per run, and stores the signed-in browser state; `signIn` in the specs starts from it.
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { test as setup } from "@playwright/test";
import { USERS, signInThroughForm, storageStatePath } from "./support";

// The practitioner's session is stored by page-fixtures.setup.ts, which signs them in to make its data:
// two sign-ins of one person at once can both take the same authenticator code, and a code works once.
for (const [role, email] of Object.entries(USERS).filter(([, email]) => email !== USERS.practitioner)) {
  setup(`sign in as the ${role}`, async ({ page }) => {
    await signInThroughForm(page, email);
    mkdirSync(dirname(storageStatePath(email)), { recursive: true });
    await page.context().storageState({ path: storageStatePath(email) });
  });
}
