// The fault tests' stack: the production build (.next-bench, built by global-setup.ts), a
// PostgreSQL of their own (persistent folder, so it can be stopped and started again on the same
// port), and `next start` on a loopback port, with the app connecting as its restricted role.
import { Agent, request } from "node:http";
import pg from "pg";
import { isPortFree } from "../../scripts/lib/embedded-postgres";
import { type HarnessDatabase, openHarnessDatabase, withClient } from "../../scripts/lib/harness/database";
import { type AppServer, startAppServer } from "../../scripts/lib/harness/server";

export const SECRET = "faults-secret-faults-secret-faults-secret";

export interface Stack {
  db: HarnessDatabase;
  server: AppServer;
  port: number;
  /** Starts the app server again on the same port and database (after a crash, say). */
  restartServer(): Promise<AppServer>;
  close(): Promise<void>;
}

async function freePort(from: number): Promise<number> {
  for (let port = from; port < from + 200; port += 1) if (await isPortFree(port)) return port;
  throw new Error(`no free port from ${from}`);
}

export async function openStack(name: string, portFrom: number): Promise<Stack> {
  const db = await openHarnessDatabase({ name: `faults-${name}` });
  const port = await freePort(portFrom);
  const start = () => startAppServer({ port, databaseUrl: db.appUrl, secret: SECRET });
  let server: AppServer;
  try {
    server = await start();
  } catch (error) {
    await db.destroy();
    throw error;
  }
  const stack: Stack = {
    db,
    server,
    port,
    restartServer: async () => {
      if (stack.server.alive()) await stack.server.stop();
      stack.server = await start();
      return stack.server;
    },
    close: async () => {
      await stack.server.stop();
      await db.destroy();
    },
  };
  return stack;
}

export function withOwner<T>(stack: Stack, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  return withClient(stack.db.ownerUrl, fn);
}

/** One connection per request, no limit: so that a thousand requests really are in flight at once. */
export const manyConnections = new Agent({ keepAlive: false, maxSockets: Infinity });

export interface HttpOutcome {
  status: number;
  location: string | null;
  body: string;
  startedAt: number;
  ms: number;
  /** The connection failed (reset, refused, timed out) rather than answered. */
  error: string | null;
}

/** A request that never throws: failures come back as `error`. Gives up after `timeoutMs` (a hang). */
export function send(
  url: string,
  options: {
    method?: "GET" | "POST";
    cookie: string;
    body?: Uint8Array;
    contentType?: string;
    timeoutMs?: number;
    accept?: string;
  },
): Promise<HttpOutcome> {
  const startedAt = Date.now();
  const started = performance.now();
  const target = new URL(url);
  return new Promise((resolve) => {
    let settled = false;
    const finish = (outcome: Omit<HttpOutcome, "startedAt" | "ms">) => {
      if (settled) return;
      settled = true;
      resolve({ ...outcome, startedAt, ms: performance.now() - started });
    };
    const req = request(
      {
        host: target.hostname,
        port: target.port,
        path: `${target.pathname}${target.search}`,
        method: options.method ?? "GET",
        agent: manyConnections,
        headers: {
          cookie: options.cookie,
          origin: target.origin,
          accept: options.accept ?? "text/html",
          ...(options.contentType ? { "content-type": options.contentType } : {}),
          ...(options.body ? { "content-length": String(options.body.byteLength) } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () =>
          finish({
            status: res.statusCode ?? 0,
            location: res.headers.location ?? null,
            body: Buffer.concat(chunks).toString("utf8"),
            error: null,
          }),
        );
        res.on("error", (error) =>
          finish({
            status: res.statusCode ?? 0,
            location: null,
            body: Buffer.concat(chunks).toString("utf8"),
            error: `${error.name}: ${error.message}`,
          }),
        );
      },
    );
    req.setTimeout(options.timeoutMs ?? 15_000, () => {
      req.destroy(new Error(`no answer within ${options.timeoutMs ?? 15_000} ms`));
    });
    req.on("error", (error) =>
      finish({ status: 0, location: null, body: "", error: `${error.name}: ${error.message}` }),
    );
    req.end(options.body ? Buffer.from(options.body) : undefined);
  });
}

/** Text that should never reach a browser: a JavaScript stack frame or Next.js's raw error page. */
export function leaksInternals(body: string): boolean {
  return (
    /\bat [\w.<>$]+ \(?(\/|file:|node:)[^)\s]*:\d+:\d+\)?/.test(body) ||
    /Application error: a server-side exception/.test(body) ||
    /PrismaClient\w*Error|DriverAdapterError|ECONNREFUSED/.test(body)
  );
}
