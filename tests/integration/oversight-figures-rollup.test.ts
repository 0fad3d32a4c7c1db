// The oversight figures kept as requests move (decision 035): after a mix of sends (one just after midnight UK
// time in summer), answers on time, late and refused, escalations by the clock and by a disputed refusal, the
// lead partners' decisions, and the owner's fixes by hand, the daily figures the triggers kept equal a direct
// aggregate of the requests themselves, computed here in TypeScript with the domain's UK day and time bands;
// the rebuild gives the same; and the oversight page's figures keep their meaning.
import { beforeAll, describe, expect, it } from "vitest";
import { ukDate } from "@/domain/calendar";
import { ANSWER_TIME_BANDS, answerTimeBand } from "@/domain/requests";
import { decideEscalation } from "@/server/requests/decide-escalation";
import { disputeRefusal } from "@/server/requests/dispute-refusal";
import { fireDueRequestTimers } from "@/server/requests/fire-request-timers";
import { partnershipOversight } from "@/server/requests/partnership-oversight";
import { NURSE, TEACHER, TRUST, answerAs, organisationId, postAs, requestFields, sendAs } from "./request-fixtures";
import { TEST_META, actorFor, withSuperuser } from "./support";

const DIRECTOR = "rachel.green@northshire.example";
const TRUST_IG = "grace.lee@northshire-health.example";
const POLICE = "Northshire Police";
const DAY = 86_400_000;

type Row = Record<string, string | number>;

const byKey = (rows: Row[]) => rows.toSorted((a, b) => (String(a.key) < String(b.key) ? -1 : 1));

/** What the triggers kept: every row with anything in it, keyed, numbers as numbers. */
async function keptFigures(): Promise<{ requests: Row[]; escalations: Row[] }> {
  return withSuperuser(async (client) => {
    const requests = await client.query<Row>(
      `SELECT partnership_id::text || '/' || day::text || '/' || responding_organisation_id::text || '/' ||
              priority::text AS key, *
         FROM request_figures_daily`,
    );
    const escalations = await client.query<Row>(
      `SELECT partnership_id::text || '/' || day::text || '/' || reason::text AS key, raised, upheld, asked_to_share
         FROM request_escalation_figures_daily`,
    );
    const tidy = (rows: Row[], counts: (row: Row) => Row) =>
      byKey(
        rows
          .map((row) => ({ key: row.key!, ...counts(row) }))
          .filter((row) => Object.entries(row).some(([name, value]) => name !== "key" && value !== 0)),
      );
    return {
      requests: tidy(requests.rows, (row) => {
        const figures: Row = {
          received: row.received!,
          answered: row.answered!,
          answeredOnTime: row.answered_on_time!,
          refused: row.refused!,
        };
        for (let band = 0; band < ANSWER_TIME_BANDS; band += 1) {
          const name = `band_${String(band).padStart(2, "0")}`;
          figures[`${name}_answers`] = Number(row[`${name}_answers`]);
          figures[`${name}_answer_ms`] = Number(row[`${name}_answer_ms`]);
        }
        return figures;
      }),
      escalations: tidy(escalations.rows, (row) => ({
        raised: row.raised!,
        upheld: row.upheld!,
        askedToShare: row.asked_to_share!,
      })),
    };
  });
}

/** The same, straight from the requests, answers, escalations and decisions. */
async function directFigures(): Promise<{ requests: Row[]; escalations: Row[] }> {
  return withSuperuser(async (client) => {
    const requests = await client.query<{
      partnership_id: string;
      responding_organisation_id: string;
      priority: string;
      received_at: Date;
      due_at: Date;
      kind: string | null;
      answered_at: Date | null;
    }>(
      `SELECT r.partnership_id, r.responding_organisation_id, r.priority, r.received_at, r.due_at, a.kind,
              a.answered_at
         FROM information_request r LEFT JOIN information_request_answer a ON a.request_id = r.id`,
    );
    const rowsByKey = new Map<string, Row>();
    for (const r of requests.rows) {
      const key = `${r.partnership_id}/${ukDate(r.received_at)}/${r.responding_organisation_id}/${r.priority}`;
      let row = rowsByKey.get(key);
      if (!row) {
        row = { key, received: 0, answered: 0, answeredOnTime: 0, refused: 0 };
        for (let band = 0; band < ANSWER_TIME_BANDS; band += 1) {
          const name = `band_${String(band).padStart(2, "0")}`;
          row[`${name}_answers`] = 0;
          row[`${name}_answer_ms`] = 0;
        }
        rowsByKey.set(key, row);
      }
      const add = (name: string, value = 1) => (row[name] = Number(row[name]) + value);
      add("received");
      if (r.answered_at) {
        const ms = Math.max(0, r.answered_at.getTime() - r.received_at.getTime());
        const name = `band_${String(answerTimeBand(ms)).padStart(2, "0")}`;
        add("answered");
        if (r.answered_at.getTime() <= r.due_at.getTime()) add("answeredOnTime");
        if (r.kind === "NO_SHARE") add("refused");
        add(`${name}_answers`);
        add(`${name}_answer_ms`, ms);
      }
    }
    const escalations = await client.query<{
      partnership_id: string;
      raised_at: Date;
      reason: string;
      outcome: string | null;
    }>(
      `SELECT e.partnership_id, e.raised_at, e.reason, d.outcome
         FROM request_escalation e LEFT JOIN request_escalation_decision d ON d.escalation_id = e.id`,
    );
    const escalationsByKey = new Map<string, Row>();
    for (const e of escalations.rows) {
      const key = `${e.partnership_id}/${ukDate(e.raised_at)}/${e.reason}`;
      const row = escalationsByKey.get(key) ?? { key, raised: 0, upheld: 0, askedToShare: 0 };
      row.raised = Number(row.raised) + 1;
      if (e.outcome === "UPHOLD") row.upheld = Number(row.upheld) + 1;
      if (e.outcome === "ASK_TO_SHARE") row.askedToShare = Number(row.askedToShare) + 1;
      escalationsByKey.set(key, row);
    }
    return { requests: byKey([...rowsByKey.values()]), escalations: byKey([...escalationsByKey.values()]) };
  });
}

async function send(organisation: string, priority: string, at: Date, from = TEACHER): Promise<string> {
  const fields = requestFields(await organisationId(organisation), { priority, childName: "Alex Rollup-Test" });
  return (await sendAs(fields, at, from)).reference;
}

let disputed: string;
let overdue: string;

beforeAll(async () => {
  const now = Date.now();
  // On time: sent now, answered at once (one shared, one refused).
  const inTime = await send(TRUST, "AMBER", new Date(now));
  const refusedInTime = await send(TRUST, "GREEN", new Date(now - 2 * 3_600_000));
  // Late: sent three weeks ago, answered now; one refused, then disputed.
  const late = await send(TRUST, "RED", new Date(now - 21 * DAY));
  disputed = await send(TRUST, "RED", new Date(now - 20 * DAY));
  // Never answered, to the police, and received at 00:30 UK time on 2 July (23:30 UTC on 1 July).
  await send(POLICE, "GREEN", new Date(now - 20 * DAY));
  await send(POLICE, "AMBER", new Date("2026-07-01T23:30:00Z"));
  // Red to the police on Monday 5 October 2026 at 10:00 BST: due 14:00, to the lead partners at 16:00.
  overdue = await send(POLICE, "RED", new Date("2026-10-05T09:00:00Z"));
  for (const [reference, answer] of [
    [inTime, { information: "One attendance in October." }],
    [refusedInTime, { reasons: "Not necessary for the purpose given." }],
    [late, { information: "Two missed appointments." }],
    [disputed, { reasons: "Held by another trust; ask them." }],
  ] as const) {
    const answered = await answerAs(NURSE, reference, answer);
    if (!answered.ok) throw new Error(JSON.stringify(answered.errors));
  }
  const dispute = await postAs(disputeRefusal, TEACHER, disputed, { reasons: "The child named the trust's clinic." });
  if (!dispute.ok) throw new Error(JSON.stringify(dispute.errors));
  await fireDueRequestTimers(new Date("2026-10-05T13:01:00Z"));
  await fireDueRequestTimers(new Date("2026-10-05T15:01:00Z"));
});

describe("the daily oversight figures", () => {
  it("equal a direct aggregate after sends, answers on time, late and refused, escalations and decisions", async () => {
    const escalated = await withSuperuser((client) =>
      client.query<{ reference: string; reason: string }>(
        `SELECT r.reference, e.reason::text AS reason FROM request_escalation e
           JOIN information_request r ON r.id = e.request_id WHERE r.reference = ANY($1) ORDER BY e.reason`,
        [[disputed, overdue]],
      ),
    );
    expect(escalated.rows).toEqual([
      { reference: overdue, reason: "OVERDUE" },
      { reference: disputed, reason: "REFUSAL_DISPUTED" },
    ]);
    const direct = await directFigures();
    expect(direct.requests.length).toBeGreaterThan(3);
    expect(await keptFigures()).toEqual(direct);

    for (const [reference, outcome] of [
      [disputed, "ASK_TO_SHARE"],
      [overdue, "UPHOLD"],
    ] as const) {
      const decided = await postAs(decideEscalation, DIRECTOR, reference, {
        outcome,
        reasons: "Decided at the meeting.",
      });
      if (!decided.ok) throw new Error(JSON.stringify(decided.errors));
    }
    const afterDecisions = await directFigures();
    expect(afterDecisions.escalations.map((e) => [e.upheld, e.askedToShare])).toContainEqual([1, 0]);
    expect(afterDecisions.escalations.map((e) => [e.upheld, e.askedToShare])).toContainEqual([0, 1]);
    expect(await keptFigures()).toEqual(afterDecisions);
  });

  it("follow the owner's fixes by hand: due and receipt times, an answer's time, removals", async () => {
    await withSuperuser(async (client) => {
      await client.query("BEGIN");
      // Due earlier than it was answered (now late); received a day earlier (another row of figures).
      await client.query("UPDATE information_request SET due_at = received_at WHERE reference = $1", [disputed]);
      await client.query(
        "UPDATE information_request SET received_at = received_at - interval '1 day' WHERE reference = $1",
        [overdue],
      );
      // An answer's time moved (another band), and a decision and an answer taken away.
      await client.query(
        `UPDATE information_request_answer SET answered_at = answered_at + interval '5 days'
          WHERE request_id = (SELECT id FROM information_request WHERE reference = $1)`,
        [disputed],
      );
      await client.query(
        `DELETE FROM request_escalation_decision WHERE escalation_id IN (
           SELECT e.id FROM request_escalation e JOIN information_request r ON r.id = e.request_id
            WHERE r.reference = $1)`,
        [overdue],
      );
      await client.query(
        `DELETE FROM information_request_answer
          WHERE request_id = (SELECT id FROM information_request r WHERE r.reference = $1)`,
        [disputed],
      );
      await client.query("UPDATE information_request SET status = 'RECEIVED' WHERE reference = $1", [disputed]);
      // New ids, cascaded to the answers and decisions that point at them.
      await client.query(
        `UPDATE information_request SET id = gen_random_uuid()
          WHERE id IN (SELECT request_id FROM information_request_answer)
            AND partnership_id = (SELECT partnership_id FROM information_request WHERE reference = $1)`,
        [disputed],
      );
      await client.query(
        `UPDATE request_escalation SET id = gen_random_uuid()
          WHERE id IN (SELECT escalation_id FROM request_escalation_decision)`,
      );
      await client.query("COMMIT");
    });
    const direct = await directFigures();
    expect(await keptFigures()).toEqual(direct);
    // The rebuild (the migration's backfill, the bench after its COPY) gives the same.
    await withSuperuser((client) => client.query("SELECT rebuild_request_figures()"));
    expect(await keptFigures()).toEqual(direct);
  });

  it("give the oversight page the period's figures by agency, with the median estimated from the bands", async () => {
    const now = new Date();
    const result = await partnershipOversight(await actorFor(TRUST_IG), { period: "30" }, TEST_META, now);
    if (!result.ok || !result.oversight) throw new Error("no oversight");
    const o = result.oversight;
    expect(ukDate(o.from)).toBe(ukDate(new Date(now.getTime() - 29 * DAY)));
    const police = o.byAgency.filter((f) => f.organisation === POLICE);
    // The Green one of twenty days ago, open and overdue; not July's Amber nor October's Red (before the period).
    expect(police.map((f) => [f.priority, f.received, f.open, f.openOverdue])).toEqual([["GREEN", 1, 1, 1]]);
    const trust = o.byAgency.filter((f) => f.organisation === TRUST);
    expect(trust.map((f) => [f.priority, f.received, f.answered, f.answeredOnTime, f.refused])).toEqual([
      // The disputed one's answer was removed by hand above: received, not answered, not overdue (its
      // escalation is the lead partners' business now, but it counts as open past its due time).
      ["RED", 2, 1, 0, 0],
      ["AMBER", 1, 1, 1, 0],
      ["GREEN", 1, 1, 1, 1],
    ]);
    expect(trust[0]!.openOverdue).toBe(1);
    // One answer each: the estimate is the answer's own time (three weeks; at once).
    expect(trust[0]!.medianHoursToAnswer).toBeGreaterThan(21 * 24 - 1);
    expect(trust[1]!.medianHoursToAnswer).toBeLessThan(1);
    expect(police[0]!.medianHoursToAnswer).toBeNull();
    // The escalations raised in the period, by reason and outcome: the disputed refusal, asked to share.
    expect(o.escalations).toEqual([{ reason: "REFUSAL_DISPUTED", outcome: "ASK_TO_SHARE", count: 1 }]);
  });
});
