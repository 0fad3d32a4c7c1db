import { expect, inject } from "vitest";
import type pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import type { SignedInUser } from "@/server/auth/current-actor";
import { seedDemoData } from "../../scripts/lib/seed";
import { withClient } from "../../scripts/lib/harness/database";
import { UTC_SESSION, db } from "@/server/infra/db";
import type { Role } from "@/domain/policy";
import { createChainVerifier } from "@/domain/audit";
import type { StepId, WizardAnswers } from "@/domain/wizard";
import { startDraft } from "@/server/decisions/start-draft";
import { saveDraftAnswer } from "@/server/decisions/save-draft-answer";
import { recordDecision } from "@/server/decisions/record-decision";

export const TEST_META = { requestId: "test-request", ip: "127.0.0.1" };

/** A supervisor's challenge, as the review form posts it. */
export const CHALLENGE = {
  kind: "CHALLENGE",
  comment: "The reasons do not weigh the risk to the child.",
  actionRequired: "Discuss with the DSL and reconsider.",
};

/**
 * This test file's own database (cloned from the run's template by setup-env.ts) as its owner:
 * for seeding and for checks the app's own client, connected as infoshare_app, may not make.
 */
export function ownerDatabaseUrl(): string {
  const url = process.env.INTEGRATION_OWNER_DATABASE_URL;
  if (!url) throw new Error("INTEGRATION_OWNER_DATABASE_URL is not set: tests/integration/setup-env.ts did not run.");
  return url;
}

/** The owner on the run's server, connected to a database no test uses: to create other databases. */
export function serverDatabaseUrl(): string {
  return inject("serverUrl");
}

/** The template already holds the demo data; this adds whatever a test removed (idempotent). */
export async function seedDemo(): Promise<void> {
  await seedDemoData(ownerDatabaseUrl());
}

/** The demo user as a signed-in actor, as the session check would build it. */
export async function actorFor(email: string): Promise<SignedInUser> {
  const user = await db().user.findUniqueOrThrow({ where: { email }, include: { organisation: true, team: true } });
  return {
    userId: user.id,
    role: user.role as Role,
    organisationId: user.organisationId,
    teamId: user.teamId,
    name: user.name,
    email: user.email,
    jobTitle: user.jobTitle,
    organisationName: user.organisation.name,
    teamName: user.team?.name ?? null,
  };
}

/** A raw connection (as the database owner) for checks the app's own client should not make. */
export async function withSuperuser<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  return withClient(ownerDatabaseUrl(), fn);
}

/**
 * Retention periods last years; this moves a record's end date into the past.
 * Decisions are append-only for every role; a replica session skips that trigger, as only an owner can.
 */
export async function endRetentionOf(reference: string): Promise<void> {
  await withSuperuser(async (client) => {
    await client.query("BEGIN");
    await client.query("SET LOCAL session_replication_role = replica");
    await client.query("UPDATE decision SET retain_until = now() - interval '1 day' WHERE reference = $1", [reference]);
    await client.query("COMMIT");
  });
}

/** Runs `sql` as the database owner, expecting an append-only trigger to refuse it. */
export async function expectRefusedAsAppendOnly(sql: string, params: unknown[] = []): Promise<void> {
  await withSuperuser((client) => expect(client.query(sql, params)).rejects.toThrow(/append-only/));
}

/** Checks the chain `chainKey` as read through the app's connection: `broken` is null when it holds together. */
export async function verifyAuditChain(chainKey: string) {
  const events = await db().auditEvent.findMany({ where: { chainKey }, orderBy: { chainSeq: "asc" } });
  const head = await db().auditChainHead.findUnique({ where: { chainKey } });
  const verifier = createChainVerifier(chainKey);
  for (const e of events) verifier.add({ ...e, detail: e.detail as Record<string, never> });
  return { broken: verifier.finish(head), count: events.length };
}

/**
 * This file's database as the app's restricted role (infoshare_app), as `npm start` connects the
 * app; db() uses the same URL (setup-env.ts sets DATABASE_URL to it).
 */
export function appRoleDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: tests/integration/setup-env.ts did not run.");
  return url;
}

/** A raw connection as the app's role. */
export async function withAppRole<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  return withClient(appRoleDatabaseUrl(), fn);
}

/** Each statement, run as the app's role, is refused by its grants (`permission denied`). */
export async function expectDeniedToAppRole(statements: string[], params: unknown[] = []): Promise<void> {
  for (const statement of statements)
    await expect(withAppRole((client) => client.query(statement, params))).rejects.toThrow(/permission denied/);
}

/** Runs `fn` as the app role inside a transaction that is rolled back, so nothing it manages to do stays. */
export async function asAppRoleRolledBack<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  return withAppRole(async (client) => {
    await client.query("BEGIN");
    try {
      return await fn(client);
    } finally {
      await client.query("ROLLBACK");
    }
  });
}

/** A Prisma client of its own as the app's role (pool of `max`); the caller $disconnect()s it. */
export function appRolePrisma(max = 10): PrismaClient {
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString: appRoleDatabaseUrl(), max, options: UTC_SESSION }),
  });
}

export async function newDraft(email: string): Promise<string> {
  const result = await startDraft(await actorFor(email), { kind: "ORIGINAL" }, TEST_META);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.draftId;
}

/** Walks the wizard through the use case, one page at a time, as the forms would post it. */
export async function answerAll(email: string, draftId: string, answers: WizardAnswers, caseReference: string) {
  const user = await actorFor(email);
  const withCase: WizardAnswers = { ...answers, concern: { ...answers.concern!, caseReference } };
  // Follow the wizard's own next-step logic, as the pages do: which questions apply depends on
  // the answers given so far, not on the final set.
  let stepId: StepId = "urgency";
  for (let guard = 0; stepId !== "check-answers" && guard < 30; guard += 1) {
    const result = await saveDraftAnswer(
      user,
      draftId,
      stepId,
      withCase[stepId] as unknown as Record<string, unknown>,
      TEST_META,
    );
    if (!result.ok) throw new Error(`${stepId}: ${JSON.stringify(result.errors)}`);
    stepId = result.nextStepId;
  }
}

/** Records a decision through the use cases, as a practitioner walking the wizard would. */
export async function recordThroughWizard(
  email: string,
  answers: WizardAnswers,
  caseReference: string,
): Promise<string> {
  const draftId = await newDraft(email);
  await answerAll(email, draftId, answers, caseReference);
  const result = await recordDecision(await actorFor(email), draftId, TEST_META);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.reference;
}
