// The requests figures of `npm run bench` (issue 14): the pages a contact team and the partnership's
// overseers use, measured with the other lists, and 10,000 due timers fired by the app's background
// code (what each tick of the request timer runner does).
import { withClient } from "../../scripts/lib/harness/database";
import { openSession } from "../../scripts/lib/harness/fixtures";
import { sessionCookie } from "../../scripts/lib/harness/session";
import type { TimerResult, TimerSpec } from "../timer-worker";
import { type RequestSeedResult, PARKED_TIMER_DUE } from "./bulk-seed-requests";
import { runChild } from "./children";
import { databaseCpuSeconds, postmasterPidOf } from "./database-cpu";
import { round } from "./stats";

export interface ListPage {
  name: string;
  path: string;
  cookie: string;
}

/** The organisation whose contact team and IG lead are measured (any of the 20 holds the same share). */
const MEASURED = 3;

export async function requestPages(seeded: RequestSeedResult, ownerUrl: string, secret: string): Promise<ListPage[]> {
  const org = seeded.organisations[MEASURED]!;
  const signedIn = async (id: string, role: "PRACTITIONER" | "IG_LEAD") =>
    sessionCookie(
      {
        id,
        name: `Bench ${role}`,
        email: `${id}@bench.example`,
        role,
        sessionVersion: 0,
        sessionId: await withClient(ownerUrl, (client) => openSession(client, id)),
      },
      secret,
    );
  const contact = await signedIn(org.contactMemberIds[0]!, "PRACTITIONER");
  const igLead = await signedIn(org.igLeadId, "IG_LEAD");
  const leadPartner = await sessionCookie(
    {
      id: seeded.leadPartnerId,
      name: "Bench Lead Partner",
      email: "bench.lead.partner@bench.example",
      role: "SUPERVISOR",
      sessionVersion: 0,
      sessionId: await withClient(ownerUrl, (client) => openSession(client, seeded.leadPartnerId)),
    },
    secret,
  );
  // The inbox's keyset 90% of the way down this organisation's requests, in the page's own cursor form.
  const deep = await withClient(ownerUrl, async (client) => {
    const { rows } = await client.query<{ due_at: Date; id: string }>(
      `SELECT due_at, id::text FROM information_request WHERE responding_organisation_id = $1
        ORDER BY due_at, id OFFSET $2 LIMIT 1`,
      [org.organisationId, Math.floor((seeded.requests / seeded.organisations.length) * 0.9)],
    );
    return `${rows[0]!.due_at.toISOString()}_${rows[0]!.id}`;
  });
  const perOrganisation = Math.round(seeded.requests / seeded.organisations.length).toLocaleString("en-GB");
  const q = (params: Record<string, string>) => new URLSearchParams(params).toString();
  const partnership = seeded.partnershipId;
  return [
    { name: `request inbox: open (of ${perOrganisation})`, path: "/requests/inbox", cookie: contact },
    { name: "request inbox: all, first page", path: `/requests/inbox?${q({ show: "all" })}`, cookie: contact },
    {
      name: "request inbox: all, deep page (90%)",
      path: `/requests/inbox?${q({ show: "all", after: deep })}`,
      cookie: contact,
    },
    { name: "oversight: lead partner, 90 days", path: "/requests/oversight", cookie: leadPartner },
    {
      name: "oversight: lead partner, 30 days",
      path: `/requests/oversight?${q({ period: "30" })}`,
      cookie: leadPartner,
    },
    {
      name: "oversight: lead partner, 365 days",
      path: `/requests/oversight?${q({ period: "365" })}`,
      cookie: leadPartner,
    },
    { name: "oversight: IG lead, 90 days", path: "/requests/oversight", cookie: igLead },
    {
      name: "oversight CSV: lead partner, 365 days",
      path: `/requests/oversight/export?${q({ partnership, period: "365" })}`,
      cookie: leadPartner,
    },
  ];
}

/**
 * The parked ESCALATE timers are made due now (their requests overdue), then fired by the app's own
 * drain in a worker process as the app's role. Checks every one fired exactly once: marked fired, one
 * ESCALATED event each, and no timer still due.
 */
export async function requestTimerFigures(
  seeded: RequestSeedResult,
  ownerUrl: string,
  appUrl: string,
  /** Extra node arguments for the worker (e.g. --cpu-prof). */
  nodeArgs: string[] = [],
) {
  const moved = await withClient(ownerUrl, async (client) => {
    await client.query(
      `UPDATE information_request r SET due_at = now() - interval '1 minute'
         FROM request_timer t WHERE t.request_id = r.id AND t.kind = 'ESCALATE' AND t.due_at = $1`,
      [PARKED_TIMER_DUE],
    );
    const { rowCount } = await client.query(
      "UPDATE request_timer SET due_at = now() - interval '1 minute' WHERE kind = 'ESCALATE' AND due_at = $1",
      [PARKED_TIMER_DUE],
    );
    return rowCount ?? 0;
  });
  if (moved !== seeded.dueTimers) throw new Error(`${moved} timers made due, expected ${seeded.dueTimers}`);
  const postmasterPid = await postmasterPidOf(ownerUrl);
  const databaseCpuFrom = databaseCpuSeconds(postmasterPid);
  const result = await runChild<TimerResult>("timer-worker.ts", { databaseUrl: appUrl } satisfies TimerSpec, [
    "--conditions=react-server",
    ...nodeArgs,
  ]);
  const databaseCpu = databaseCpuSeconds(postmasterPid) - databaseCpuFrom;
  const check = await withClient(ownerUrl, async (client) => {
    const { rows } = await client.query<{ still_due: number; escalated: number; twice: number }>(
      `SELECT (SELECT count(*) FROM request_timer WHERE fired_at IS NULL AND due_at <= now())::int AS still_due,
              (SELECT count(*) FROM information_request_event WHERE kind = 'ESCALATED')::int AS escalated,
              (SELECT count(*) FROM (SELECT request_id FROM information_request_event WHERE kind = 'ESCALATED'
                 GROUP BY request_id HAVING count(*) > 1) twice)::int AS twice`,
    );
    return rows[0]!;
  });
  if (check.still_due !== 0 || check.twice !== 0 || check.escalated !== seeded.dueTimers)
    throw new Error(`timers did not all fire exactly once: ${JSON.stringify(check)}, ${JSON.stringify(result)}`);
  return {
    timers: seeded.dueTimers,
    fired: result.fired,
    closed: result.closed,
    seconds: round(result.seconds),
    perSecond: round(result.fired / result.seconds, 1),
    cpuMsPerTimer: result.cpuMsPerTimer === null ? null : round(result.cpuMsPerTimer),
    /** PostgreSQL's CPU time (every process of the cluster) per timer fired: where the claim's reads show. */
    databaseCpuMsPerTimer: round((databaseCpu * 1000) / Math.max(1, result.fired + result.closed)),
  };
}
