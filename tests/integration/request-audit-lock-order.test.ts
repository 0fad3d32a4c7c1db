// A request's step is audited in both organisations' chains in one transaction, so it locks two chain
// heads. Taken in the order of the step's sides, a school asking the trust and the trust asking the school
// lock them in opposite orders: a deadlock (40P01) once seen under load. They are taken in one order instead.
import { describe, it } from "vitest";
import { db } from "@/server/infra/db";
import { auditRequestStep } from "@/server/requests/request-audit";
import { expectHeadsTakenInKeyOrder, inKeyOrder } from "./chain-head-locks";
import { TOM } from "./demo-people";
import { TEST_META, actorFor } from "./support";

describe("auditing a request step in both organisations' logs", () => {
  it("locks the two chain heads in one order, whichever organisation asked", async () => {
    const user = await actorFor(TOM);
    const organisations = await db().organisation.findMany({ select: { id: true }, take: 2 });
    const [lower, higher] = inKeyOrder(organisations[0]!.id, organisations[1]!.id);
    // The higher organisation asks the lower one: in the sides' order, its head would be locked first.
    const request = {
      id: "00000000-0000-0000-0000-000000000000",
      reference: "REQ-LOCK-ORDER",
      requestingOrganisationId: higher,
      respondingOrganisationId: lower,
      caseReference: "CASE-LOCK-ORDER",
    };
    const step = () =>
      db().$transaction((tx) =>
        auditRequestStep(tx, user, TEST_META, request, "request.viewed", ["requesting", "responding"]),
      );
    await step(); // both chains have a head from here on

    await expectHeadsTakenInKeyOrder(lower, higher, step);
  });
});
