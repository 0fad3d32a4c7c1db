import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  PROBE_INTERVAL_MS,
  databaseAvailable,
  isConnectionFailure,
  reportDatabaseFailure,
  resetDatabaseBreaker,
} from "./database-availability";

/** Lets a probe started in the background finish. */
async function settle(): Promise<void> {
  for (let i = 0; i < 10; i += 1) await Promise.resolve();
}

const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });

describe("isConnectionFailure", () => {
  it.each([
    [refused],
    [Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" })],
    [Object.assign(new Error("the database system is starting up"), { code: "57P03" })],
    [Object.assign(new Error("connection failure"), { code: "08006" })],
    [new Error("Connection terminated unexpectedly")],
    [new Error("Can't reach database server at 127.0.0.1:5432")],
    [
      Object.assign(new Error("Invalid `prisma.user.findUnique()` invocation"), {
        cause: { kind: "postgres", code: "57P01" },
      }),
    ],
  ])("is a connection failure: %s", (error) => {
    expect(isConnectionFailure(error)).toBe(true);
  });

  it.each([
    [Object.assign(new Error("duplicate key value violates unique constraint"), { code: "23505" })],
    [Object.assign(new Error('value "9999999999999999999" is out of range for type bigint'), { code: "22003" })],
    // Timeouts may only mean this process is too busy to read the answer: no verdict.
    [new Error("timeout exceeded when trying to connect")],
    [new Error("Connection terminated due to connection timeout")],
    [new Error("Query read timeout")],
    [null],
    ["ECONNREFUSED"],
  ])("is not: %s", (error) => {
    expect(isConnectionFailure(error)).toBe(false);
  });
});

describe("databaseAvailable", () => {
  let probes: Array<boolean | null>;
  let probeCalls: number;

  beforeEach(() => {
    vi.useFakeTimers({ now: new Date("2026-01-01T09:00:00Z") });
    probes = [];
    probeCalls = 0;
    resetDatabaseBreaker(async () => {
      probeCalls += 1;
      return probes.length > 0 ? probes.shift()! : true;
    });
  });
  afterEach(() => {
    resetDatabaseBreaker();
    vi.useRealTimers();
  });

  it("lets requests through while the database is up, probing at most once a second in the background", async () => {
    expect(await databaseAvailable()).toBe(true);
    await settle();
    expect(await databaseAvailable()).toBe(true);
    await settle();
    expect(probeCalls).toBe(1);
    vi.advanceTimersByTime(PROBE_INTERVAL_MS);
    expect(await databaseAvailable()).toBe(true);
    await settle();
    expect(probeCalls).toBe(2);
  });

  it("opens at once on a reported connection failure, and refuses without probing within the second", async () => {
    reportDatabaseFailure(refused);
    expect(await databaseAvailable()).toBe(false);
    expect(await databaseAvailable()).toBe(false);
    expect(probeCalls).toBe(0);
  });

  it("ignores failures that are not about the connection", async () => {
    reportDatabaseFailure(Object.assign(new Error("duplicate key"), { code: "23505" }));
    expect(await databaseAvailable()).toBe(true);
  });

  it("re-probes once a second while down, and closes on the first probe that succeeds", async () => {
    reportDatabaseFailure(refused);
    probes = [false, true];
    vi.advanceTimersByTime(PROBE_INTERVAL_MS);
    expect(await databaseAvailable()).toBe(false);
    expect(await databaseAvailable()).toBe(false);
    expect(probeCalls).toBe(1);
    vi.advanceTimersByTime(PROBE_INTERVAL_MS);
    expect(await databaseAvailable()).toBe(true);
    expect(probeCalls).toBe(2);
  });

  it("changes nothing on a probe without a verdict (a timeout), up or down", async () => {
    probes = [null];
    expect(await databaseAvailable()).toBe(true);
    await settle();
    expect(await databaseAvailable()).toBe(true);

    reportDatabaseFailure(refused);
    probes = [null];
    vi.advanceTimersByTime(PROBE_INTERVAL_MS);
    expect(await databaseAvailable()).toBe(false);
    expect(probeCalls).toBe(2);
  });

  it("opens on a probe that finds the database refusing connections", async () => {
    probes = [false];
    expect(await databaseAvailable()).toBe(true); // that probe runs in the background
    await settle();
    expect(probeCalls).toBe(1);
    expect(await databaseAvailable()).toBe(false);
  });
});
