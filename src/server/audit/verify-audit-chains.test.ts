import { describe, expect, it } from "vitest";
import { toBreakReport } from "./verify-audit-chains";

describe("toBreakReport", () => {
  it("names the event where an altered or unlinked chain breaks", () => {
    expect(toBreakReport({ kind: "hash-mismatch", chainKey: "org-1", chainSeq: 4n, eventId: 104n })).toEqual({
      chainKey: "org-1",
      eventId: "104",
      chainSeq: "4",
      kind: "hash-mismatch",
      message: expect.stringContaining("event 104 (position 4) has been altered"),
    });
    expect(toBreakReport({ kind: "prev-hash-mismatch", chainKey: "org-1", chainSeq: 2n, eventId: 7n })).toMatchObject({
      eventId: "7",
      chainSeq: "2",
    });
  });

  it("gives the position an event was found at after a gap", () => {
    expect(
      toBreakReport({ kind: "gap", chainKey: "org-1", expectedSeq: 5n, foundSeq: 6n, eventId: 42n }),
    ).toMatchObject({
      eventId: "42",
      chainSeq: "6",
      message: expect.stringContaining("expected 5"),
    });
  });

  it("names the last remaining event when the tail or the head is gone", () => {
    expect(
      toBreakReport({ kind: "head-mismatch", chainKey: "system", headSeq: 10n, lastSeq: 8n, lastEventId: 99n }),
    ).toMatchObject({
      eventId: "99",
      chainSeq: "8",
      message: expect.stringContaining("removed from the end"),
    });
    expect(
      toBreakReport({ kind: "head-mismatch", chainKey: "system", headSeq: 3n, lastSeq: 0n, lastEventId: null }),
    ).toMatchObject({ eventId: null, chainSeq: "0" });
    expect(toBreakReport({ kind: "head-missing", chainKey: "org-2", lastSeq: 3n, lastEventId: 12n })).toMatchObject({
      eventId: "12",
      kind: "head-missing",
    });
  });
});
