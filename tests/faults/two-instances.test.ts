// Two app servers on one PostgreSQL behave as one (issue 10, decision 022): a session ended on
// one instance is refused by the other, and sign-in throttling counts attempts made on both.
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isPortFree } from "../../scripts/lib/embedded-postgres";
import { demoUser } from "../../scripts/lib/harness/fixtures";
import { formWithField, multipart, renderedForms } from "../../scripts/lib/harness/forms";
import { type AppServer, startAppServer } from "../../scripts/lib/harness/server";
import { sessionCookie } from "../../scripts/lib/harness/session";
import { SECRET, type Stack, openStack, send, withOwner } from "./support";

const PASSWORD = "InfoShare-demo-2026";
const WRONG_CREDENTIALS = "Enter the email address and password for your InfoShare account";
const THROTTLED = "Too many failed attempts";

let stack: Stack;
let second: AppServer;

/** The instances, in the order requests alternate between them. */
const instances = () => [stack.server.origin, second.origin];

beforeAll(async () => {
  stack = await openStack("two-instances", 3480);
  let port = stack.port + 1;
  while (!(await isPortFree(port))) port += 1;
  second = await startAppServer({ port, databaseUrl: stack.db.appUrl, secret: SECRET });
}, 300_000);

afterAll(async () => {
  await second?.stop();
  await stack?.close();
});

/** A password sign-in through the form, as a browser without JavaScript posts it, on one instance. */
async function signIn(origin: string, email: string, password: string) {
  const page = await send(`${origin}/sign-in`, { cookie: "" });
  expect(page.status).toBe(200);
  const form = formWithField(page.body, "$ACTION_KEY").fields;
  return send(`${origin}/sign-in`, {
    method: "POST",
    cookie: "",
    ...multipart([...form, ["email", email], ["password", password]]),
    timeoutMs: 60_000,
  });
}

async function signInOutcomes(email: string) {
  const tag = createHash("sha256").update(email).digest("hex").slice(0, 16);
  return withOwner(stack, async (client) => {
    const { rows } = await client.query<{ reason: string; n: string }>(
      `SELECT coalesce(detail->>'reason', 'success') AS reason, count(*) AS n FROM audit_event
        WHERE action = 'auth.sign-in' AND detail->>'emailTag' = $1 GROUP BY 1`,
      [tag],
    );
    return Object.fromEntries(rows.map((row) => [row.reason, Number(row.n)]));
  });
}

describe("two app instances on one database", () => {
  it("a session signed out on one instance is refused by the other", async () => {
    const user = await withOwner(stack, (client) => demoUser(client, "alex.morgan@northshire.example"));
    const cookie = await sessionCookie(user, SECRET);
    const [first, other] = instances() as [string, string];
    for (const origin of [first, other]) {
      expect((await send(`${origin}/sessions`, { cookie })).status).toBe(200);
    }

    // Sign out on the second instance, through the header's sign-out form.
    const page = await send(`${other}/sessions`, { cookie });
    const signOut = renderedForms(page.body).find((form) => /Sign out/.test(form.html));
    expect(signOut).toBeDefined();
    const posted = await send(`${other}/sessions`, { method: "POST", cookie, ...multipart(signOut!.fields) });
    expect(posted.status).toBe(303);
    expect(posted.location).toMatch(/\/signed-out$/);

    // The same cookie, copied, on the first instance: refused for pages, APIs and NextAuth's session.
    const again = await send(`${first}/sessions`, { cookie });
    expect(again.status).not.toBe(200);
    expect(again.location).toMatch(/\/api\/session\/end\?reason=revoked|\/sign-in/);
    const api = await send(`${first}/api/session/keepalive`, { method: "POST", cookie, accept: "application/json" });
    expect(api.status).toBe(401);
    const nextAuth = await send(`${first}/api/auth/session`, { cookie, accept: "application/json" });
    expect(JSON.parse(nextAuth.body)).toEqual({});
  });

  it("wrong passwords alternating between the instances reach the one limit", async () => {
    const email = "jo.williams@northshire.example";
    const origins = instances();
    // Five free attempts, spread over both: neither instance alone has seen five.
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const answer = await signIn(origins[attempt % 2]!, email, "not-the-password");
      expect(answer.status).toBe(200);
      expect(answer.body).toContain(WRONG_CREDENTIALS);
    }
    // The sixth, with the right password, on the instance that has seen only two: throttled.
    const sixth = await signIn(origins[1]!, email, PASSWORD);
    expect(sixth.status).toBe(200);
    expect(sixth.body).toContain(THROTTLED);
    expect(await signInOutcomes(email)).toEqual({ "wrong-password": 5, throttled: 1 });
  });

  it("parallel wrong passwords on both instances evaluate no more passwords than the limit", async () => {
    const email = "lee.jones@northshire.example";
    const origins = instances();
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, index) => signIn(origins[index % 2]!, email, `wrong-${index}`)),
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array(12).fill(200));
    expect(await signInOutcomes(email)).toEqual({ "wrong-password": 5, throttled: 7 });
  });
});
