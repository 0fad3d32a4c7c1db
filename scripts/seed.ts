// `npm run db:seed`: the demo organisations and users. On the embedded database as before; with
// DATABASE_URL only when asked for by name (`npm run db:seed -- --demo`), never by accident.
import { openDatabase, stopOnSignals } from "./lib/database";
import { demoSignInTable } from "./lib/demo-data";
import { seedDemoData } from "./lib/seed";
import { demoSeedingFor } from "./lib/prepare-database";

const database = await openDatabase({ log: (m) => console.log(m) });
stopOnSignals([database.close]);
try {
  if (demoSeedingFor(database, process.argv, process.env) === "none") {
    console.log("Not seeding DATABASE_URL: demo accounts have a published password. Add --demo if you mean it.");
  } else {
    const result = await seedDemoData(database.url);
    const { organisationsCreated, usersCreated } = result;
    console.log(`Seed: ${organisationsCreated} organisations and ${usersCreated} users created (existing ones kept).`);
    console.log(demoSignInTable());
  }
} finally {
  await database.close();
}
