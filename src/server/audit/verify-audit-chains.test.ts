import { describe, expect, it } from "vitest";
import { toBreakReport } from "./verify-audit-chains";

type ChainBreak = Parameters<typeof toBreakReport>[0];

describe("toBreakReport", () => {
  it("names the event where an altered chain breaks, and its position", () => {
    expect(toBreakReport({ kind: "hash-mismatch", chainKey: "org-1", chainSeq: 4n, eventId: 104n })).toEqual({
      chainKey: "org-1",
      eventId: "104",
      chainSeq: "4",
      kind: "hash-mismatch",
      message: expect.stringContaining("event 104 (position 4) has been altered"),
    });
  });

  // What each case shows, the break found, and what the report says of it.
  it.each<[string, ChainBreak, Record<string, unknown>]>([
    [
      "names the event where an unlinked chain breaks",
      { kind: "prev-hash-mismatch", chainKey: "org-1", chainSeq: 2n, eventId: 7n },
      { eventId: "7", chainSeq: "2" },
    ],
    [
      "gives the position an event was found at after a gap",
      { kind: "gap", chainKey: "org-1", expectedSeq: 5n, foundSeq: 6n, eventId: 42n },
      { eventId: "42", chainSeq: "6", message: expect.stringContaining("expected 5") },
    ],
    [
      "names the last remaining event when the tail is gone",
      { kind: "head-mismatch", chainKey: "system", headSeq: 10n, lastSeq: 8n, lastEventId: 99n },
      { eventId: "99", chainSeq: "8", message: expect.stringContaining("removed from the end") },
    ],
    [
      "names no event when every event is gone",
      { kind: "head-mismatch", chainKey: "system", headSeq: 3n, lastSeq: 0n, lastEventId: null },
      { eventId: null, chainSeq: "0" },
    ],
    [
      "names the last event when the head is gone",
      { kind: "head-missing", chainKey: "org-2", lastSeq: 3n, lastEventId: 12n },
      { eventId: "12", kind: "head-missing" },
    ],
  ])("%s", (_, chainBreak, expected) => {
    expect(toBreakReport(chainBreak)).toMatchObject(expected);
  });
});
