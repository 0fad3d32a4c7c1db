import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { env } from "./env";

// One client per process, created on first use (the build imports this module without a
// database) and kept on globalThis so development hot reloads don't open new pools.
const globalForPrisma = globalThis as unknown as { infosharePrisma?: PrismaClient };

export function db(): PrismaClient {
  if (!globalForPrisma.infosharePrisma) {
    const { DATABASE_URL, DATABASE_POOL_SIZE } = env();
    const adapter = new PrismaPg({ connectionString: DATABASE_URL, max: DATABASE_POOL_SIZE });
    globalForPrisma.infosharePrisma = new PrismaClient({ adapter });
  }
  return globalForPrisma.infosharePrisma;
}

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
