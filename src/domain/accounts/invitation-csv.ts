import { ROLES, type Role } from "@/domain/policy";

/**
 * Bulk invitations from a CSV file (decision 019): `name,email,role[,team]`, one person a row, an
 * optional header row. Every row is checked before anything is written, and each problem is
 * reported against its row, so an admin fixes the file and imports it whole.
 */
export interface InvitationRow {
  line: number;
  name: string;
  email: string;
  role: Role | null;
  teamName: string | null;
  teamId: string | null;
  errors: string[];
}

export interface ImportContext {
  /** The organisation's active teams, by lower-cased name. */
  teamsByName: ReadonlyMap<string, string>;
  /** Addresses that already have an account (anywhere) or a pending invitation (lower-case). */
  takenEmails: ReadonlySet<string>;
}

export const MAX_IMPORT_ROWS = 500;

const ROLE_WORDS: Record<string, Role> = {
  practitioner: "PRACTITIONER",
  supervisor: "SUPERVISOR",
  dsl: "SUPERVISOR",
  "ig lead": "IG_LEAD",
  "ig-lead": "IG_LEAD",
  ig_lead: "IG_LEAD",
  admin: "ADMIN",
  administrator: "ADMIN",
};

export function roleFrom(value: string): Role | null {
  const word = value.trim().toLowerCase();
  if ((ROLES as readonly string[]).includes(word.toUpperCase())) return word.toUpperCase() as Role;
  return ROLE_WORDS[word] ?? null;
}

/** RFC 4180 fields: commas, double-quoted fields with "" for a quote, CRLF or LF line ends. */
export function parseCsvLines(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"' && field === "") quoted = true;
    else if (char === ",") {
      row.push(field);
      field = "";
    } else if (char === "\n" || char === "\r") {
      if (char === "\r" && text[i + 1] === "\n") i += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += char;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

const EMAIL = /^[^@\s,;<>"]+@[^@\s,;<>"]+\.[^@\s,;<>"]+$/;

export function checkInvitationCsv(
  text: string,
  context: ImportContext,
): { rows: InvitationRow[]; problem: string | null } {
  const lines = parseCsvLines(text.replace(/^\uFEFF/, ""));
  const rows: InvitationRow[] = [];
  const seen = new Map<string, number>();
  lines.forEach((cells, index) => {
    const line = index + 1;
    if (cells.every((cell) => cell.trim() === "")) return;
    if (line === 1 && cells[1]?.trim().toLowerCase() === "email") return;
    const [rawName = "", rawEmail = "", rawRole = "", rawTeam = ""] = cells.map((cell) => cell.trim());
    const errors: string[] = [];
    if (cells.length < 3 || cells.length > 4) errors.push("Give 3 or 4 columns: name, email, role and optionally team");
    if (!rawName) errors.push("Enter a name");
    else if (rawName.length > 120) errors.push("Name must be 120 characters or fewer");
    const email = rawEmail.toLowerCase();
    if (!EMAIL.test(email) || email.length > 254) errors.push("Enter an email address like name@example.gov.uk");
    else if (context.takenEmails.has(email)) errors.push("This email already has an account or a pending invitation");
    else if (seen.has(email)) errors.push(`This email is also on row ${seen.get(email)}`);
    else seen.set(email, line);
    const role = roleFrom(rawRole);
    if (!role) errors.push("Role must be practitioner, supervisor, IG lead or admin");
    const teamName = rawTeam || null;
    const teamId = teamName ? (context.teamsByName.get(teamName.toLowerCase()) ?? null) : null;
    if (teamName && !teamId) errors.push(`There is no active team called “${teamName.slice(0, 80)}”`);
    rows.push({ line, name: rawName, email, role, teamName, teamId, errors });
  });
  if (rows.length === 0) return { rows, problem: "The file has no rows to import" };
  if (rows.length > MAX_IMPORT_ROWS) return { rows: [], problem: `Import at most ${MAX_IMPORT_ROWS} people at a time` };
  return { rows, problem: null };
}
