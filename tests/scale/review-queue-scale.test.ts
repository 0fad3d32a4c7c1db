import { beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { Prisma } from "@/generated/prisma/client";
import { encodeQueueCursor } from "@/domain/review";
import { QUEUE_COUNT_LIMIT, listReviewQueue, queueSliceQuery } from "@/server/reviews/list-review-queue";
import type { SignedInUser } from "@/server/auth/current-actor";
import { db } from "@/server/infra/db";
import { withSuperuser } from "../integration/support";

const DECISIONS = 100_000;
const organisationId = randomUUID();
const teamId = randomUUID();
const otherTeamId = randomUUID();
const supervisorId = randomUUID();
const practitionerIds = [randomUUID(), randomUUID(), randomUUID()];

const supervisor: SignedInUser = {
  userId: supervisorId,
  role: "SUPERVISOR",
  organisationId,
  teamId,
  name: "Scale Supervisor",
  email: "scale.supervisor@scale.example",
  jobTitle: null,
  organisationName: "Scale Test Council",
  teamName: "Scale Team",
};

interface ReferenceRow {
  decision_id: string;
  flagged: boolean;
  recorded_at: Date;
}

/** The queue's order, computed the slow and obvious way for comparison. */
async function referenceOrder(where: string, limit: number, offset = 0): Promise<ReferenceRow[]> {
  return withSuperuser(async (client) => {
    const result = await client.query<ReferenceRow>(
      `SELECT decision_id, flagged, recorded_at FROM review_queue_item q WHERE q.team_id = $1 ${where}
       ORDER BY flagged DESC, recorded_at, decision_id LIMIT ${limit} OFFSET ${offset}`,
      [teamId],
    );
    return result.rows;
  });
}

async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - started };
}

beforeAll(async () => {
  await withSuperuser(async (client) => {
    await client.query("BEGIN");
    await client.query("INSERT INTO organisation (id, name, kind) VALUES ($1, $2, 'LOCAL_AUTHORITY')", [
      organisationId,
      `Scale Test Council ${organisationId}`,
    ]);
    await client.query(
      "INSERT INTO team (id, organisation_id, name) VALUES ($1, $3, 'Scale Team'), ($2, $3, 'Other Scale Team')",
      [teamId, otherTeamId, organisationId],
    );
    await client.query(
      `INSERT INTO app_user (id, email, name, password_hash, role, organisation_id, team_id)
       SELECT id, 'scale-' || id || '@scale.example', 'Practitioner ' || n, 'x', 'PRACTITIONER', $2, $3
       FROM unnest($1::uuid[]) WITH ORDINALITY AS p(id, n)`,
      [practitionerIds, organisationId, teamId],
    );
    await client.query(
      `INSERT INTO app_user (id, email, name, password_hash, role, organisation_id, team_id)
       VALUES ($1::uuid, 'scale-sup-' || $1::text || '@scale.example', 'Scale Supervisor', 'x', 'SUPERVISOR', $2, $3)`,
      [supervisorId, organisationId, teamId],
    );
    // 100,000 decisions in bulk: one in ten in another team, one in five flagged, outcomes and
    // authors cycling, spread over a year.
    await client.query(
      `INSERT INTO decision (id, reference, draft_id, kind, organisation_id, team_id, author_id, case_reference,
                             urgency, origin, concern_categories, child_at_risk, indication, outcome,
                             departs_from_indication, review_flags, consent_status, lawful_basis_ids,
                             guidance_version, decision_date, recorded_at, review_due_at, retain_until, record)
       SELECT gen_random_uuid(), 'SCL-' || lpad(i::text, 8, '0'), gen_random_uuid(), 'ORIGINAL', $1,
              CASE WHEN i % 10 = 0 THEN $3::uuid ELSE $2::uuid END,
              ($4::uuid[])[1 + i % 3], 'CASE-' || i, 'ROUTINE', 'REQUEST', ARRAY['child-health-or-development'], false,
              'SHARE', (ARRAY['SHARE','SHARE_PART','NO_SHARE'])[1 + i % 3]::"DecisionOutcome", i % 5 = 0,
              CASE WHEN i % 5 = 0 THEN ARRAY['DEPARTURE'] WHEN i % 7 = 0 THEN ARRAY['EMERGENCY']
                   ELSE ARRAY[]::text[] END,
              'GIVEN', ARRAY['art6-1-e'], 'bulk', date '2025-01-01' + (i % 365),
              timestamptz '2025-01-01' + (i * interval '5 minutes'),
              timestamptz '2025-01-01' + (i * interval '5 minutes') + interval '28 days',
              timestamptz '2031-01-01', '{}'::jsonb
       FROM generate_series(1, ${DECISIONS}) AS i`,
      [organisationId, teamId, otherTeamId, practitionerIds],
    );
    // Seven in ten are still waiting for review.
    await client.query(
      `INSERT INTO review_queue_item (decision_id, organisation_id, team_id, author_id, flagged, flags, outcome,
                                     recorded_at, review_due_at)
       SELECT id, organisation_id, team_id, author_id, cardinality(review_flags) > 0, review_flags, outcome,
              recorded_at, review_due_at
       FROM decision WHERE organisation_id = $1 AND (substring(reference from 5)::int % 10) < 7`,
      [organisationId],
    );
    await client.query("COMMIT");
    await client.query("ANALYZE decision; ANALYZE review_queue_item; ANALYZE app_user;");
  });
}, 180_000);

describe(`the review queue with ${DECISIONS.toLocaleString("en-GB")} decisions`, () => {
  it("pages in queue order (flagged first, then oldest) across keyset pages, matching a plain ORDER BY", async () => {
    const seen: string[] = [];
    let after: string | undefined;
    for (let page = 0; page < 3; page += 1) {
      const queue = await listReviewQueue(supervisor, after ? { after } : {});
      seen.push(...queue.rows.map((r) => r.decisionId));
      after = queue.nextCursor ?? undefined;
    }
    const expected = await referenceOrder("", 75);
    expect(seen).toEqual(expected.map((r) => r.decision_id));
  });

  it("crosses from flagged to unflagged items without losing or repeating any", async () => {
    const [flaggedCount] = await withSuperuser(async (c) =>
      (
        await c.query<{ n: string }>("SELECT count(*) AS n FROM review_queue_item WHERE team_id = $1 AND flagged", [
          teamId,
        ])
      ).rows.map((r) => Number(r.n)),
    );
    const boundary = await referenceOrder("", 30, flaggedCount! - 10);
    const start = boundary[0]!;
    const cursor = encodeQueueCursor({
      flagged: start.flagged,
      recordedAt: start.recorded_at.toISOString(),
      decisionId: start.decision_id,
    });
    const queue = await listReviewQueue(supervisor, { after: cursor });
    expect(queue.rows.map((r) => r.decisionId)).toEqual(boundary.slice(1, 26).map((r) => r.decision_id));
    expect(queue.rows.slice(0, 9).every((r) => r.flags.length > 0)).toBe(true);
    expect(queue.rows.slice(9).every((r) => r.flags.length === 0)).toBe(true);
  });

  it("serves a deep page as fast as the first", async () => {
    const deep = await referenceOrder("", 26, 50_000);
    const start = deep[0]!;
    const cursor = encodeQueueCursor({
      flagged: start.flagged,
      recordedAt: start.recorded_at.toISOString(),
      decisionId: start.decision_id,
    });
    await listReviewQueue(supervisor, {}); // warm the pool and the plan cache
    const first = await timed(() => listReviewQueue(supervisor, {}));
    const deepPage = await timed(() => listReviewQueue(supervisor, { after: cursor }));
    expect(deepPage.value.rows.map((r) => r.decisionId)).toEqual(deep.slice(1).map((r) => r.decision_id));
    console.info(
      `review queue: first page ${first.ms.toFixed(1)} ms, page after 50,000 items ${deepPage.ms.toFixed(1)} ms`,
    );
    expect(first.ms).toBeLessThan(500);
    expect(deepPage.ms).toBeLessThan(500);
  });

  it("filters by flag, outcome, practitioner and date, with matching counts", async () => {
    const practitioner = practitionerIds[1]!;
    const cases = [
      {
        filter: { flag: "DEPARTURE" },
        where: "AND 'DEPARTURE' = ANY(flags)",
        check: (r: { flags: string[] }) => r.flags.includes("DEPARTURE"),
      },
      {
        filter: { outcome: "NO_SHARE" },
        where: "AND outcome = 'NO_SHARE'",
        check: (r: { outcome: string }) => r.outcome === "NO_SHARE",
      },
      { filter: { practitioner }, where: `AND author_id = '${practitioner}'`, check: () => true },
      {
        // UK calendar days (decision 013): March 2025 ends at 23:00 UTC on the 31st, summer time
        // having begun on the 30th.
        filter: { from: "2025-03-01", to: "2025-03-31" },
        where:
          "AND recorded_at >= ('2025-03-01'::timestamp AT TIME ZONE 'Europe/London') " +
          "AND recorded_at < ('2025-04-01'::timestamp AT TIME ZONE 'Europe/London')",
        check: (r: { recordedAt: string | Date }) =>
          new Date(r.recordedAt) >= new Date("2025-03-01T00:00:00Z") &&
          new Date(r.recordedAt) < new Date("2025-03-31T23:00:00Z"),
      },
    ] as const;
    for (const { filter, where, check } of cases) {
      const queue = await listReviewQueue(supervisor, filter);
      const expected = await referenceOrder(where, 25);
      expect(
        queue.rows.map((r) => r.decisionId),
        JSON.stringify(filter),
      ).toEqual(expected.map((r) => r.decision_id));
      expect(queue.rows.every((r) => check(r as never))).toBe(true);
      const [count] = await withSuperuser(async (c) =>
        (
          await c.query<{ n: string }>(`SELECT count(*) AS n FROM review_queue_item q WHERE team_id = $1 ${where}`, [
            teamId,
          ])
        ).rows.map((r) => Number(r.n)),
      );
      // Counts stop just past QUEUE_COUNT_LIMIT ("more than 10,000").
      expect(queue.counts.total).toBe(Math.min(count!, QUEUE_COUNT_LIMIT + 1));
    }
  });

  it("never shows the other team's decisions", async () => {
    const queue = await listReviewQueue(supervisor, {});
    const ids = queue.rows.map((r) => r.decisionId);
    const otherTeam = await withSuperuser(async (c) =>
      (
        await c.query<{ id: string }>("SELECT decision_id AS id FROM review_queue_item WHERE team_id = $1 LIMIT 1000", [
          otherTeamId,
        ])
      ).rows.map((r) => r.id),
    );
    expect(ids.some((id) => otherTeam.includes(id))).toBe(false);
    expect(queue.counts.total).toBeLessThan(DECISIONS * 0.7);
  });

  it("uses the queue index for both slices, not a sequential scan", async () => {
    for (const flagged of [true, false]) {
      const rows = await db().$queryRaw<{ "QUERY PLAN": unknown }[]>(
        Prisma.sql`EXPLAIN (FORMAT JSON) ${queueSliceQuery(teamId, {}, flagged, null, 26)}`,
      );
      const plan = JSON.stringify(rows[0]?.["QUERY PLAN"]);
      expect(plan).toContain("review_queue_item_team_id_flagged_recorded_at_decision_id_idx");
      const seqScanOfQueue = [
        '"Node Type":"Seq Scan"',
        '"Parallel Aware":(true|false)',
        '"Async Capable":(true|false)',
        '"Relation Name":"review_queue_item"',
      ].join(",");
      expect(plan).not.toMatch(new RegExp(seqScanOfQueue));
    }
  });
});
