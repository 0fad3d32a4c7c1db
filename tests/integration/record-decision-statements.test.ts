// Recording's round trips (decision 037, issue 15): a recording sends two statements, the draft's
// read and one record_decision() call (its own transaction: no BEGIN or COMMIT); and it still
// records after Prisma's $disconnect.
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { consentGivenShareAnswers } from "@/domain/wizard/test-fixtures";
import { recordDecision } from "@/server/decisions/record-decision";
import { db } from "@/server/infra/db";
import { TEST_META, actorFor, answerAll, newDraft } from "./support";
import { SAM } from "./demo-people";

const originalQuery = pg.Client.prototype.query;
afterEach(() => {
  pg.Client.prototype.query = originalQuery;
});

/**
 * Every statement any `pg` client sends while `fn` runs (Prisma's adapter sends through pg too), with
 * its prepared statement's name, if it has one.
 */
async function statementsOf(fn: () => Promise<unknown>): Promise<{ text: string; name: string | null }[]> {
  const sent: { text: string; name: string | null }[] = [];
  pg.Client.prototype.query = function (this: pg.Client, ...params: unknown[]) {
    const first = params[0] as string | { text?: string; name?: string };
    const text = typeof first === "string" ? first : (first?.text ?? "");
    sent.push({
      text: text.replace(/\s+/g, " ").trim(),
      name: typeof first === "string" ? null : (first?.name ?? null),
    });
    return (originalQuery as (...p: unknown[]) => unknown).apply(this, params);
  } as typeof pg.Client.prototype.query;
  try {
    await fn();
  } finally {
    pg.Client.prototype.query = originalQuery;
  }
  return sent;
}

async function readyDraft(caseReference: string): Promise<string> {
  const draftId = await newDraft(SAM);
  await answerAll(SAM, draftId, consentGivenShareAnswers(), caseReference);
  return draftId;
}

describe("recordDecision's statements", () => {
  it("reads the draft once and writes everything in one record_decision() call", async () => {
    const sam = await actorFor(SAM);
    const draftId = await readyDraft("STMT-0001");
    let result: Awaited<ReturnType<typeof recordDecision>> | undefined;
    const sent = await statementsOf(async () => {
      result = await recordDecision(sam, draftId, TEST_META);
    });
    expect(result).toMatchObject({ ok: true, alreadyRecorded: false });
    expect(sent).toHaveLength(2);
    expect(sent[0]!.text).toMatch(/^SELECT d\.id, d\.kind, d\.answers\b.* FROM decision_draft d /);
    expect(sent.filter(({ text }) => /^(BEGIN|COMMIT)\b/i.test(text))).toEqual([]);
    expect(sent[1]!.text).toMatch(/^SELECT record_decision\(\$1::uuid, \$2::jsonb, \$3::jsonb, \$4, \$5, \$6\)/);
  });

  it("still records after db().$disconnect()", async () => {
    const sam = await actorFor(SAM);
    const draftId = await readyDraft("STMT-0002");
    await db().$disconnect();
    const result = await recordDecision(sam, draftId, TEST_META);
    expect(result).toMatchObject({ ok: true, alreadyRecorded: false });
    if (!result.ok) return;
    expect(await db().decision.count({ where: { reference: result.reference } })).toBe(1);
  });
});
