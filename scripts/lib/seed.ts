import bcrypt from "bcryptjs";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../src/generated/prisma/client";
import { DEMO_KEY, DEMO_KEY_ID, sealSecret } from "../../src/domain/second-factor/secret-box";
import { DEMO_ORGANISATIONS, DEMO_PARTNERSHIP, DEMO_PASSWORD, DEMO_TOTP_SECRET } from "./demo-data";

export interface SeedResult {
  organisationsCreated: number;
  usersCreated: number;
}

export interface SeedOptions {
  /** bcrypt's cost for the demo password: 12 as the app's own (account-links.ts); lower only for tests. */
  passwordHashCost?: number;
}

/**
 * Creates the demo organisations, teams and users that are missing. Idempotent: existing rows
 * (including passwords someone changed, or users an admin disabled) are left alone.
 */
export async function seedDemoData(databaseUrl: string, options: SeedOptions = {}): Promise<SeedResult> {
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
  let organisationsCreated = 0;
  let usersCreated = 0;
  try {
    let passwordHash: string | null = null;
    for (const demo of DEMO_ORGANISATIONS) {
      let organisation = await prisma.organisation.findUnique({ where: { name: demo.name } });
      if (!organisation) {
        organisation = await prisma.organisation.create({ data: { name: demo.name, kind: demo.kind } });
        organisationsCreated += 1;
      }
      const teamIds = new Map<string, string>();
      for (const name of new Set([demo.team, ...demo.users.flatMap((u) => (u.team ? [u.team] : []))])) {
        const team = await prisma.team.upsert({
          where: { organisationId_name: { organisationId: organisation.id, name } },
          create: { organisationId: organisation.id, name },
          update: {},
        });
        teamIds.set(name, team.id);
      }
      for (const user of demo.users) {
        const existing = await prisma.user.findUnique({ where: { email: user.email } });
        if (existing) {
          await addDemoSecondFactor(prisma, existing.id);
          continue;
        }
        passwordHash ??= await bcrypt.hash(DEMO_PASSWORD, options.passwordHashCost ?? 12);
        const created = await prisma.user.create({
          data: {
            email: user.email,
            name: user.name,
            jobTitle: user.jobTitle,
            role: user.role,
            passwordHash,
            organisationId: organisation.id,
            teamId: user.inTeam ? (teamIds.get(user.team ?? demo.team) ?? null) : null,
          },
        });
        await addDemoSecondFactor(prisma, created.id);
        usersCreated += 1;
      }
    }
    await seedDemoPartnership(prisma);
  } finally {
    await prisma.$disconnect();
  }
  return { organisationsCreated, usersCreated };
}

/**
 * The demo's published authenticator-app secret for a demo user who has no second factor (also
 * demo users created before second factors existed). Sealed under the demo key id: the secret is
 * public, and real secrets are never written with it (decision 021).
 */
async function addDemoSecondFactor(prisma: PrismaClient, userId: string): Promise<void> {
  const has = await prisma.totpFactor.findUnique({ where: { userId } });
  if (has || (await prisma.passkey.count({ where: { userId } })) > 0) return;
  await prisma.totpFactor.create({
    data: { userId, secret: sealSecret(DEMO_TOTP_SECRET, DEMO_KEY, DEMO_KEY_ID), confirmedAt: new Date() },
  });
}

/** The demo partnership, its members' contact teams, lead partners and response times (what is missing). */
async function seedDemoPartnership(prisma: PrismaClient): Promise<void> {
  const partnership = await prisma.partnership.upsert({
    where: { name: DEMO_PARTNERSHIP.name },
    create: { name: DEMO_PARTNERSHIP.name },
    update: {},
  });
  for (const member of DEMO_PARTNERSHIP.members) {
    const organisation = await prisma.organisation.findUnique({ where: { name: member.organisation } });
    if (!organisation) continue;
    const team = await prisma.team.findUnique({
      where: { organisationId_name: { organisationId: organisation.id, name: member.contactTeam } },
    });
    if (!team) continue;
    await prisma.partnershipMember.upsert({
      where: { partnershipId_organisationId: { partnershipId: partnership.id, organisationId: organisation.id } },
      create: { partnershipId: partnership.id, organisationId: organisation.id, contactTeamId: team.id },
      update: {},
    });
  }
  for (const email of DEMO_PARTNERSHIP.leadPartners) {
    const user = await prisma.user.findUnique({ where: { email } });
    if (!user) continue;
    await prisma.leadSafeguardingPartner.upsert({
      where: { partnershipId_userId: { partnershipId: partnership.id, userId: user.id } },
      create: { partnershipId: partnership.id, userId: user.id },
      update: {},
    });
  }
  for (const priority of ["RED", "AMBER", "GREEN"] as const) {
    const workingHours = DEMO_PARTNERSHIP.responseHours[priority];
    await prisma.partnershipResponseTime.upsert({
      where: { partnershipId_priority: { partnershipId: partnership.id, priority } },
      create: { partnershipId: partnership.id, priority, workingHours },
      update: {},
    });
  }
}
