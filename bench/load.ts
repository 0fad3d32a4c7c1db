// The load generator: one run of autocannon against the app server, in a process of its own so
// that it never shares an event loop with the server or the orchestrator (bench/run.ts). Reads a
// LoadSpec from the JSON file named by argv[2] and prints one JSON LoadResult line.
// Each autocannon connection is one user: it takes the next user in the spec on its first request
// and keeps that user's cookie and requests. A user's requests are used in turn, cycling, or once
// each (`once`, e.g. one draft to record per request).
import type { EventEmitter } from "node:events";
import { readFileSync } from "node:fs";
import autocannon from "autocannon";
import { summarise } from "./lib/stats";

export interface LoadRequest {
  path: string;
  body?: string;
  contentType?: string;
}

export interface LoadUser {
  cookie: string;
  requests: LoadRequest[];
}

export interface LoadSpec {
  origin: string;
  method: "GET" | "POST";
  connections: number;
  durationSeconds: number;
  /** Stop after this many requests even if time is left. */
  maxRequests?: number;
  /**
   * Use each of a user's requests at most once (then the connection repeats its last one and the run
   * counts it as exhausted).
   */
  once?: boolean;
  /** Status of a successful response; anything else counts as an error. */
  expectStatus: number;
  users: LoadUser[];
}

export interface LoadResult {
  connections: number;
  seconds: number;
  requests: number;
  ok: number;
  errors: number;
  statuses: Record<string, number>;
  exhausted: number;
  rps: number;
  okPerSecond: number;
  latencyMs: ReturnType<typeof summarise>;
}

async function main(): Promise<void> {
  const spec = JSON.parse(readFileSync(process.argv[2]!, "utf8")) as LoadSpec;
  let nextUser = 0;
  let exhausted = 0;
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let ok = 0;

  interface Context {
    user?: LoadUser;
    index?: number;
  }

  // Without a callback autocannon returns an EventEmitter that is also a promise of the result.
  const instance = autocannon({
    url: spec.origin,
    connections: spec.connections,
    duration: spec.durationSeconds,
    ...(spec.maxRequests ? { amount: spec.maxRequests } : {}),
    timeout: 30,
    initialContext: {},
    requests: [
      {
        method: spec.method,
        setupRequest: (request, context: Context) => {
          if (!context.user) {
            context.user = spec.users[nextUser % spec.users.length]!;
            context.index = 0;
            nextUser += 1;
          }
          const user = context.user;
          let index = context.index ?? 0;
          if (spec.once && index >= user.requests.length) {
            exhausted += 1;
            index = user.requests.length - 1;
          }
          const entry = user.requests[index % user.requests.length]!;
          context.index = index + 1;
          const headers: Record<string, string> = { cookie: user.cookie, origin: spec.origin };
          if (entry.contentType) headers["content-type"] = entry.contentType;
          return {
            ...request,
            method: spec.method,
            path: entry.path,
            headers,
            ...(entry.body !== undefined ? { body: entry.body } : {}),
          };
        },
      },
    ],
  }) as unknown as Promise<autocannon.Result> & EventEmitter;
  instance.on("response", (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    latencies.push(responseTime);
    statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
    if (statusCode === spec.expectStatus) ok += 1;
  });
  const result = await instance;
  const seconds = result.duration;
  const requests = latencies.length;
  const output: LoadResult = {
    connections: spec.connections,
    seconds,
    requests,
    ok,
    errors: requests - ok + result.errors + result.timeouts,
    statuses,
    exhausted,
    rps: Math.round((requests / seconds) * 10) / 10,
    okPerSecond: Math.round((ok / seconds) * 10) / 10,
    latencyMs: summarise(latencies),
  };
  process.stdout.write(`${JSON.stringify(output)}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
