// `npm run setup -- --organisation "Northshire Council" --kind local-authority --email admin@… [--name …]`:
// first-run set-up of a real deployment from the command line (decision 019). Creates the first
// organisation and its administrator on DATABASE_URL (or the embedded database), then prints a
// one-time link for the administrator to set their password. Refuses once an organisation exists.
import { parseArgs } from "node:util";
import { ORGANISATION_KINDS } from "../src/domain/lawful-basis/organisation";
import { openDatabase, stopOnSignals } from "./lib/database";
import { applyMigrations } from "./lib/migrations";
import { organisationKindFrom, setUpFromCommandLine } from "./lib/first-run-setup";

const USAGE = `Usage: npm run setup -- --organisation "<name>" --kind <kind> --email <admin email>
                     [--name "<admin name>"]
  kinds: ${ORGANISATION_KINDS.map((k) => k.toLowerCase().replace(/_/g, "-")).join(", ")}`;

const { values } = parseArgs({
  options: {
    organisation: { type: "string" },
    kind: { type: "string" },
    email: { type: "string" },
    name: { type: "string" },
  },
});
const kind = organisationKindFrom(values.kind ?? "");
const email = values.email?.trim() ?? "";
if (!values.organisation?.trim() || !kind || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) {
  console.error(USAGE);
  process.exit(2);
}

const database = await openDatabase({ log: (m) => console.log(m) });
stopOnSignals([database.close]);
try {
  await applyMigrations(database.url);
  const result = await setUpFromCommandLine(database.url, {
    organisation: values.organisation,
    kind,
    email,
    name: values.name?.trim() || "Administrator",
  });
  if (!result.ok) {
    console.error("InfoShare is already set up: an organisation exists. Its administrators invite everyone else.");
    process.exitCode = 1;
  } else {
    const base = process.env.NEXTAUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
    console.log(`Created ${values.organisation} and its administrator ${email.toLowerCase()}.`);
    console.log(`Set the administrator's password (one-time link, valid for 24 hours):`);
    console.log(`  ${new URL(result.setPasswordPath, base)}`);
  }
} finally {
  await database.close();
}
