import { describe, expect, it } from "vitest";
import { checkInvitationCsv, parseCsvLines } from "./invitation-csv";

const context = {
  teamsByName: new Map([["assessment team north", "team-north"]]),
  takenEmails: new Set(["sam.patel@northshire.example"]),
};

describe("invitation CSV", () => {
  it("parses quoted fields, doubled quotes and CRLF", () => {
    expect(parseCsvLines('a,"b, c","d ""e"""\r\nf,g,h')).toEqual([
      ["a", "b, c", 'd "e"'],
      ["f", "g", "h"],
    ]);
  });

  it("skips a header row and blank lines, maps roles and teams", () => {
    const { rows, problem } = checkInvitationCsv(
      "name,email,role,team\n\nAna Lopez,Ana.Lopez@Northshire.example,practitioner,Assessment Team North\n",
      context,
    );
    expect(problem).toBeNull();
    expect(rows).toEqual([
      {
        line: 3,
        name: "Ana Lopez",
        email: "ana.lopez@northshire.example",
        role: "PRACTITIONER",
        teamName: "Assessment Team North",
        teamId: "team-north",
        errors: [],
      },
    ]);
  });

  it("reports every problem against its row", () => {
    const { rows } = checkInvitationCsv(
      [
        "Sam Patel,sam.patel@northshire.example,supervisor",
        ",not-an-email,chief",
        "Bo Li,bo@x.example,practitioner,No Such Team",
        "Bo Again,BO@x.example,IG lead",
        "Too,many,columns,here,really",
      ].join("\n"),
      context,
    );
    expect(rows.map((r) => [r.line, r.errors])).toEqual([
      [1, ["This email already has an account or a pending invitation"]],
      [
        2,
        [
          "Enter a name",
          "Enter an email address like name@example.gov.uk",
          "Role must be practitioner, supervisor, IG lead or admin",
        ],
      ],
      [3, ["There is no active team called “No Such Team”"]],
      [4, ["This email is also on row 3"]],
      [
        5,
        [
          "Give 3 or 4 columns: name, email, role and optionally team",
          "Enter an email address like name@example.gov.uk",
          "Role must be practitioner, supervisor, IG lead or admin",
          "There is no active team called “here”",
        ],
      ],
    ]);
  });

  it("refuses an empty file", () => {
    expect(checkInvitationCsv("name,email,role\n", context).problem).toBe("The file has no rows to import");
  });
});
