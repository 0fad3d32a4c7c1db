// Acceptance (issue 5): 50 concurrent writers append 10,000 events to one organisation's chain,
// each append in its own transaction through appendAuditEvent, connected as the app's role; the
// chain verifies with no fork and no gap.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import type { AuditEventInput } from "@/domain/audit";
import { appendAuditEvent } from "@/server/audit/append-audit-event";
import { verifyAuditChains } from "@/server/audit/verify-audit-chains";
import { appRoleDatabaseUrl, appRolePrisma, withSuperuser } from "../integration/support";

const WRITERS = 50;
const EVENTS = 10_000;
const PER_WRITER = EVENTS / WRITERS;

// A pool as large as the number of writers, so every writer has a connection and they all
// contend for the chain head at once.
const prisma = appRolePrisma(WRITERS);
afterAll(() => prisma.$disconnect());

function eventFor(organisationId: string, writer: number, n: number): AuditEventInput {
  return {
    actorId: null,
    actorRole: "PRACTITIONER",
    organisationId,
    action: "test.concurrent",
    objectType: "writer",
    objectId: String(writer),
    caseReference: null,
    requestId: `w${writer}-${n}`,
    ip: null,
    outcome: "SUCCESS",
    detail: { writer, n },
  };
}

describe("concurrent audit appends", () => {
  it(
    `${WRITERS} writers append ${EVENTS.toLocaleString("en-GB")} events to one chain with no fork and no gap`,
    { timeout: 120_000 },
    async () => {
      const organisationId = randomUUID();
      const started = performance.now();
      await Promise.all(
        Array.from({ length: WRITERS }, async (_, writer) => {
          for (let n = 0; n < PER_WRITER; n += 1) {
            await prisma.$transaction((tx) => appendAuditEvent(tx, eventFor(organisationId, writer, n)), {
              maxWait: 60_000,
              timeout: 60_000,
            });
          }
        }),
      );
      const appendSeconds = (performance.now() - started) / 1000;

      const shape = await withSuperuser(async (client) => {
        const { rows } = await client.query<Record<string, string>>(
          `SELECT count(*)::text AS events, count(DISTINCT chain_seq)::text AS positions, min(chain_seq)::text AS first,
                max(chain_seq)::text AS last, count(DISTINCT prev_hash)::text AS predecessors,
                count(DISTINCT hash)::text AS hashes, count(DISTINCT request_id)::text AS appends
           FROM audit_event WHERE chain_key = $1`,
          [organisationId],
        );
        const head = await client.query<{ last_seq: string }>(
          "SELECT last_seq::text FROM audit_chain_head WHERE chain_key = $1",
          [organisationId],
        );
        return { ...rows[0], head: head.rows[0]?.last_seq };
      });
      const total = String(EVENTS);
      // Positions 1..10,000, each once (no gap); every event has its own predecessor (no fork);
      // every append landed exactly once; the head is at the end.
      expect(shape).toEqual({
        events: total,
        positions: total,
        first: "1",
        last: total,
        predecessors: total,
        hashes: total,
        appends: total,
        head: total,
      });

      // Verified as the app's role, as the IG lead's button does.
      const verification = await verifyAuditChains(appRoleDatabaseUrl(), { chainKey: organisationId });
      expect(verification).toMatchObject({ chains: 1, eventsChecked: EVENTS, breaks: [] });

      console.log(
        `[audit-concurrency] ${EVENTS} appends by ${WRITERS} writers in ${appendSeconds.toFixed(1)} s ` +
          `(${Math.round(EVENTS / appendSeconds)}/s); verified in ${verification.seconds.toFixed(2)} s`,
      );
    },
  );
});
