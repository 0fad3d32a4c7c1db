// Bulk data for the requests figures (issue 14): one partnership of 20 organisations, each with a
// contact team (three members and a supervisor), an IG lead and a requester, one lead safeguarding
// partner, and N information requests (default 1,000,000) spread evenly across the 20 as
// responders, received over the two years before the seed. Most are answered (a share refused,
// a share late) and many of those confirmed; the last few weeks' are mostly still open, and one in
// a hundred older ones is still open and overdue. Some late or refused ones were escalated to the lead
// partners, most of those decided. Open requests have their REMIND and ESCALATE timers (fired when
// due before the seed). The newest `dueTimers` requests are open with their ESCALATE timer parked in
// 2100, so that no tick fires them while the pages are measured; the timers phase moves them to now.
// Loaded with COPY, secondary indexes dropped and rebuilt, as bulk-seed.ts does for decisions. The COPY runs
// with triggers off, so the oversight figures (decision 035) are rebuilt from the rows afterwards.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { newDecisionReference } from "../../src/server/decisions/reference";
import { type SavedIndex, copyInto, csv, dropSecondaryIndexes, random, write } from "./bulk-seed";

export const ORGANISATIONS = 20;
/** Where the timers phase's ESCALATE timers wait until it moves them to now. */
export const PARKED_TIMER_DUE = "2100-01-01T00:00:00.000Z";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const SPAN_MS = 730 * DAY;
const KINDS = ["LOCAL_AUTHORITY", "SCHOOL", "HEALTH", "POLICE", "EARLY_YEARS", "VOLUNTARY"] as const;
const TABLES = [
  "information_request",
  "information_request_answer",
  "request_timer",
  "request_escalation",
  "request_escalation_decision",
] as const;
/** The oversight figures kept from those tables (decision 035). */
const FIGURES_TABLES = ["request_figures_daily", "request_escalation_figures_daily"] as const;

export interface BenchPartnerOrganisation {
  organisationId: string;
  name: string;
  contactTeamId: string;
  contactMemberIds: string[];
  supervisorId: string;
  igLeadId: string;
  requesterId: string;
}

export interface RequestSeedResult {
  partnershipId: string;
  leadPartnerId: string;
  organisations: BenchPartnerOrganisation[];
  requests: number;
  open: number;
  answers: number;
  escalations: number;
  timers: number;
  /** Requests whose ESCALATE timer is parked at PARKED_TIMER_DUE. */
  dueTimers: number;
  seconds: { requests: number; indexes: number; figures: number; analyse: number };
}

async function createPartnership(client: pg.Client) {
  const partnershipId = randomUUID();
  const leadPartnerId = randomUUID();
  await client.query("INSERT INTO partnership (id, name) VALUES ($1, 'Bench Safeguarding Children Partnership')", [
    partnershipId,
  ]);
  await client.query(
    `INSERT INTO partnership_response_time (partnership_id, priority, working_hours)
     VALUES ($1, 'RED', 4), ($1, 'AMBER', 24), ($1, 'GREEN', 72)`,
    [partnershipId],
  );
  const organisations: BenchPartnerOrganisation[] = [];
  for (let n = 0; n < ORGANISATIONS; n += 1) {
    const org: BenchPartnerOrganisation = {
      organisationId: randomUUID(),
      name: `Bench Partner ${String(n + 1).padStart(2, "0")}`,
      contactTeamId: randomUUID(),
      contactMemberIds: [randomUUID(), randomUUID(), randomUUID()],
      supervisorId: randomUUID(),
      igLeadId: randomUUID(),
      requesterId: randomUUID(),
    };
    const dutyTeamId = randomUUID();
    await client.query("INSERT INTO organisation (id, name, kind) VALUES ($1, $2, $3)", [
      org.organisationId,
      org.name,
      KINDS[n % KINDS.length],
    ]);
    await client.query(
      "INSERT INTO team (id, organisation_id, name) VALUES ($1, $3, 'Single point of contact'), ($2, $3, 'Duty team')",
      [org.contactTeamId, dutyTeamId, org.organisationId],
    );
    const users: [string, string, string, string | null][] = [
      ...org.contactMemberIds.map((id, k): [string, string, string, string | null] => [
        id,
        `contact${k + 1}`,
        "PRACTITIONER",
        org.contactTeamId,
      ]),
      [org.supervisorId, "supervisor", "SUPERVISOR", org.contactTeamId],
      [org.igLeadId, "ig", "IG_LEAD", null],
      [org.requesterId, "requester", "PRACTITIONER", dutyTeamId],
    ];
    for (const [id, who, role, teamId] of users)
      await client.query(
        `INSERT INTO app_user (id, email, name, job_title, password_hash, role, organisation_id, team_id)
         VALUES ($1, $2, $3, 'Bench', 'not-a-hash', $4, $5, $6)`,
        [id, `bench.partner${n + 1}.${who}@bench.example`, `Partner ${n + 1} ${who}`, role, org.organisationId, teamId],
      );
    await client.query(
      "INSERT INTO partnership_member (partnership_id, organisation_id, contact_team_id) VALUES ($1, $2, $3)",
      [partnershipId, org.organisationId, org.contactTeamId],
    );
    organisations.push(org);
  }
  // The lead safeguarding partner: a named person of the first statutory partner, no team of their own.
  await client.query(
    `INSERT INTO app_user (id, email, name, job_title, password_hash, role, organisation_id, team_id)
     VALUES ($1, 'bench.lead.partner@bench.example', 'Bench Lead Partner', 'Director', 'not-a-hash', 'SUPERVISOR',
             $2, NULL)`,
    [leadPartnerId, organisations[0]!.organisationId],
  );
  await client.query("INSERT INTO lead_safeguarding_partner (partnership_id, user_id) VALUES ($1, $2)", [
    partnershipId,
    leadPartnerId,
  ]);
  return { partnershipId, leadPartnerId, organisations };
}

/** One line of COPY … (FORMAT csv). */
const line = (values: (string | number | boolean | null)[]) => values.map(csv).join(",") + "\n";

export async function bulkSeedRequests(options: {
  ownerUrl: string;
  requests: number;
  dueTimers: number;
  log: (message: string) => void;
}): Promise<RequestSeedResult> {
  const { log } = options;
  const client = new pg.Client({ connectionString: options.ownerUrl, application_name: "infoshare-bench-requests" });
  await client.connect();
  const seconds = { requests: 0, indexes: 0, figures: 0, analyse: 0 };
  try {
    const { partnershipId, leadPartnerId, organisations } = await createPartnership(client);
    await client.query("SET session_replication_role = replica");
    await client.query("SET synchronous_commit = off");
    await client.query("SET maintenance_work_mem = '1GB'");
    const dropped: SavedIndex[] = [];
    for (const table of TABLES) dropped.push(...(await dropSecondaryIndexes(client, table)));

    const rand = random(20261130);
    const n = options.requests;
    const seedNow = Date.now();
    const firstDueTimer = n - Math.min(options.dueTimers, n);
    const counts = { open: 0, answers: 0, escalations: 0, timers: 0 };
    // Rows of the smaller tables, collected while the requests stream, then copied in turn.
    let answers = "";
    let timers = "";
    let escalations = "";
    let decisions = "";
    let started = performance.now();
    await copyInto(
      client,
      `COPY information_request (id, reference, partnership_id, requesting_organisation_id, requesting_team_id,
                                 requester_id, responding_organisation_id, contact_team_id, case_reference,
                                 child_name, child_date_of_birth, nhs_number, purpose, information_needed,
                                 lawful_basis, priority, response_hours, received_at, due_at, status, assigned_to_id)
       FROM STDIN (FORMAT csv)`,
      async (stream) => {
        let chunk = "";
        for (let i = 0; i < n; i += 1) {
          const id = randomUUID();
          const bytes = new Uint8Array([(i >>> 24) & 255, (i >>> 16) & 255, (i >>> 8) & 255, i & 255, (i * 53) & 255]);
          const reference = newDecisionReference(bytes).replace(/^DEC-/, "REQ-");
          const responder = organisations[i % ORGANISATIONS]!;
          const requester = organisations[(i + 1 + (i % (ORGANISATIONS - 1))) % ORGANISATIONS]!;
          const p = rand();
          const priority = p < 0.15 ? "RED" : p < 0.6 ? "AMBER" : "GREEN";
          const hours = priority === "RED" ? 4 : priority === "AMBER" ? 24 : 72;
          // Working hours as calendar time, roughly (8 a day, 5 days in 7): the calendar is not the point here.
          const dueAfterMs = priority === "RED" ? 4 * HOUR : priority === "AMBER" ? 4 * DAY : 12 * DAY;
          const receivedAt = seedNow - SPAN_MS + Math.floor(((i + rand()) / n) * (SPAN_MS - HOUR));
          const dueAt = receivedAt + dueAfterMs;
          const ageDays = (seedNow - receivedAt) / DAY;
          const parked = i >= firstDueTimer;
          const open = parked || (ageDays < 21 ? rand() < 0.6 : rand() < 0.01);
          let status: string;
          let assignedTo: string | null = null;
          if (open) {
            counts.open += 1;
            status = parked || rand() < 0.5 ? "RECEIVED" : "ACKNOWLEDGED";
            if (status === "ACKNOWLEDGED") assignedTo = responder.contactMemberIds[i % 3]!;
            const remindAt = receivedAt + 0.75 * dueAfterMs;
            // Fired when due before the seed (and the next few hours, so no tick fires one mid-run).
            const firedBy = seedNow + 6 * HOUR;
            timers += line([
              id,
              responder.organisationId,
              "REMIND",
              new Date(remindAt).toISOString(),
              remindAt < firedBy ? new Date(remindAt).toISOString() : null,
            ]);
            timers += parked
              ? line([id, responder.organisationId, "ESCALATE", PARKED_TIMER_DUE, null])
              : line([
                  id,
                  responder.organisationId,
                  "ESCALATE",
                  new Date(dueAt).toISOString(),
                  dueAt < firedBy ? new Date(dueAt).toISOString() : null,
                ]);
            counts.timers += 2;
          } else {
            assignedTo = responder.contactMemberIds[i % 3]!;
            const late = rand() < 0.2;
            const answeredAt = late ? dueAt + rand() * 3 * dueAfterMs : receivedAt + rand() * dueAfterMs;
            const refused = rand() < 0.12;
            status = rand() < 0.7 ? "RECEIPT_CONFIRMED" : "ANSWERED";
            answers += line([
              id,
              refused ? "NO_SHARE" : "SHARE",
              refused ? "Sharing is not necessary for the purpose given." : "Attendance and the last two reviews.",
              assignedTo,
              new Date(Math.min(answeredAt, seedNow - HOUR)).toISOString(),
            ]);
            counts.answers += 1;
            const escalation = refused && rand() < 0.2 ? "REFUSAL_DISPUTED" : late && rand() < 0.1 ? "OVERDUE" : null;
            if (escalation) {
              const escalationId = randomUUID();
              const raisedAt = escalation === "OVERDUE" ? dueAt + dueAfterMs / 2 : answeredAt + DAY;
              escalations += line([
                escalationId,
                id,
                partnershipId,
                escalation,
                escalation === "REFUSAL_DISPUTED" ? requester.requesterId : null,
                escalation === "REFUSAL_DISPUTED" ? "The child is at risk without it." : null,
                new Date(Math.min(raisedAt, seedNow - HOUR)).toISOString(),
              ]);
              counts.escalations += 1;
              if (raisedAt < seedNow - 7 * DAY)
                decisions += line([
                  escalationId,
                  rand() < 0.6 ? "UPHOLD" : "ASK_TO_SHARE",
                  "Decided by the lead partners at their weekly meeting.",
                  leadPartnerId,
                  new Date(raisedAt + 3 * DAY).toISOString(),
                ]);
            }
          }
          chunk += line([
            id,
            reference,
            partnershipId,
            requester.organisationId,
            null,
            requester.requesterId,
            responder.organisationId,
            responder.contactTeamId,
            `CS-${2025 + (i % 2)}/${String(i % 250_000).padStart(6, "0")}`,
            `Child ${i}`,
            new Date(Date.UTC(2010 + (i % 15), i % 12, 1 + (i % 28))).toISOString().slice(0, 10),
            i % 3 === 0 ? String(4_000_000_000 + i).padStart(10, "0") : null,
            "Section 47 enquiry",
            "School attendance and any concerns raised in the last year.",
            "Children Act 1989 s.47; UK GDPR art. 6(1)(e)",
            priority,
            hours,
            new Date(receivedAt).toISOString(),
            new Date(dueAt).toISOString(),
            status,
            assignedTo,
          ]);
          if (chunk.length > 256 * 1024) {
            await write(stream, chunk);
            chunk = "";
          }
          if (i > 0 && i % 250_000 === 0) log(`  … ${i.toLocaleString("en-GB")} requests`);
        }
        if (chunk) await write(stream, chunk);
      },
    );
    const smallerTables: Array<[string, string]> = [
      ["information_request_answer (request_id, kind, body, answered_by_id, answered_at)", answers],
      ["request_timer (request_id, responding_organisation_id, kind, due_at, fired_at)", timers],
      ["request_escalation (id, request_id, partnership_id, reason, raised_by_id, reasons, raised_at)", escalations],
      ["request_escalation_decision (escalation_id, outcome, reasons, decided_by_id, decided_at)", decisions],
    ];
    for (const [table, text] of smallerTables)
      await copyInto(client, `COPY ${table} FROM STDIN (FORMAT csv)`, async (stream) => {
        for (let at = 0; at < text.length; at += 1024 * 1024) await write(stream, text.slice(at, at + 1024 * 1024));
      });
    seconds.requests = (performance.now() - started) / 1000;
    const count = (value: number) => value.toLocaleString("en-GB");
    log(
      `  ${count(n)} requests (${count(counts.open)} open), ${count(counts.answers)} answers, ` +
        `${count(counts.escalations)} escalations, ${count(counts.timers)} timers copied in ` +
        `${seconds.requests.toFixed(1)} s`,
    );
    started = performance.now();
    await client.query("SET max_parallel_maintenance_workers = 2");
    for (const index of dropped) await client.query(index.definition);
    seconds.indexes = (performance.now() - started) / 1000;
    started = performance.now();
    await client.query("SELECT rebuild_request_figures()");
    seconds.figures = (performance.now() - started) / 1000;
    started = performance.now();
    await client.query(`VACUUM (ANALYZE) ${[...TABLES, ...FIGURES_TABLES].join(", ")}`);
    seconds.analyse = (performance.now() - started) / 1000;
    log(
      `  ${dropped.length} request indexes rebuilt in ${seconds.indexes.toFixed(1)} s, ` +
        `oversight figures in ${seconds.figures.toFixed(1)} s`,
    );
    return {
      partnershipId,
      leadPartnerId,
      organisations,
      requests: n,
      ...counts,
      dueTimers: n - firstDueTimer,
      seconds,
    };
  } finally {
    await client.end();
  }
}
