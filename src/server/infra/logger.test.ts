import { describe, expect, it } from "vitest";
import { createLogger, requestLogger } from "./logger";

/** A logger writing into an array of parsed lines, as a log store would receive them. */
function capture() {
  const raw: string[] = [];
  const log = createLogger({ write: (line: string) => void raw.push(line) }, "info");
  return { log, raw, lines: () => raw.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

// Each value below is personal data or a secret; none may appear anywhere in the output.
const PERSONAL = {
  name: "Jamie Carter-Smith",
  email: "jamie.carter@northshire.example",
  caseReference: "CASE-77431-JC",
  answers: { concern: { summary: "Bruising seen on the child's arm at drop-off" } },
  rationale: "Mother disclosed that her partner hit the child",
  comment: "Spoke to the school nurse on Tuesday",
  reason: "Court proceedings involving the father",
  cookie: "__Secure-next-auth.session-token=eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0.secret-cookie-value",
  token: "eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0.secret-token-value",
  password: "correct horse battery staple",
  ip: "203.0.113.77",
};
const SECRET_TEXTS = [
  ...Object.values(PERSONAL).filter((v): v is string => typeof v === "string"),
  "Bruising seen on the child's arm at drop-off",
  "secret-cookie-value",
  "secret-token-value",
];

describe("logger", () => {
  it("writes one JSON object per line, with the request id, the level and the message", () => {
    const { log, lines } = capture();
    log.child({ requestId: "req-123" }).info({ action: "decision.record", outcome: "SUCCESS" }, "audit event appended");
    expect(lines()).toEqual([
      expect.objectContaining({
        level: 30,
        requestId: "req-123",
        action: "decision.record",
        outcome: "SUCCESS",
        message: "audit event appended",
      }),
    ]);
  });

  it("prints none of the personal data or secrets in an object logged with them, at any depth", () => {
    const { log, raw } = capture();
    log.child({ requestId: "req-1", email: PERSONAL.email }).info(
      {
        ...PERSONAL,
        nested: {
          user: { ...PERSONAL },
          list: [PERSONAL],
          headers: { Cookie: PERSONAL.cookie, authorization: `Bearer ${PERSONAL.token}` },
        },
      },
      "something happened",
    );
    const output = raw.join("");
    for (const secret of SECRET_TEXTS) expect(output).not.toContain(secret);
    expect(output).toContain("[redacted]");
    expect(output).toContain('"requestId":"req-1"');
  });

  it("redacts errors' own fields and email addresses in their messages and in log messages", () => {
    const { log, raw } = capture();
    const error = Object.assign(new Error(`duplicate key for ${PERSONAL.email}`), {
      code: "23505",
      detail: `Key (case_reference)=(${PERSONAL.caseReference}) already exists.`,
    });
    log.error({ err: error, requestId: "req-2" }, `could not notify ${PERSONAL.email}`);
    const output = raw.join("");
    for (const secret of SECRET_TEXTS) expect(output).not.toContain(secret);
    const line = JSON.parse(output) as { err: { code: string; message: string; type: string }; message: string };
    expect(line.err).toMatchObject({ code: "23505", type: "Error", message: "duplicate key for [email]" });
    expect(line.message).toBe("could not notify [email]");
  });

  it("redacts the bindings of a child's child too, keeping its parent's", () => {
    const { log, raw } = capture();
    const stepLog = log.child({ requestId: "req-3" }).child({ caseReference: PERSONAL.caseReference, step: "concern" });
    stepLog.warn("step saved");
    expect(raw.join("")).not.toContain(PERSONAL.caseReference);
    expect(JSON.parse(raw[0]!)).toMatchObject({ requestId: "req-3", caseReference: "[redacted]", step: "concern" });
  });

  it("gives each request's lines its request id", () => {
    expect(requestLogger({ requestId: "req-9" }).bindings()).toMatchObject({ requestId: "req-9" });
  });
});
