import { inject } from "vitest";
import pg from "pg";
import type { SignedInUser } from "@/server/auth/current-actor";
import { seedDemoData } from "../../scripts/lib/seed";
import { db } from "@/server/db";
import type { Role } from "@/domain/policy";

export const TEST_META = { requestId: "test-request", ip: "127.0.0.1" };

export async function seedDemo(): Promise<void> {
  await seedDemoData(inject("databaseUrl"));
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
  const client = new pg.Client({ connectionString: inject("databaseUrl") });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
