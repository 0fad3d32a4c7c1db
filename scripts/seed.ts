import { openDatabase, stopOnSignals } from "./lib/database";
import { demoSignInTable } from "./lib/demo-data";
import { seedDemoData } from "./lib/seed";

const database = await openDatabase({ log: (m) => console.log(m) });
stopOnSignals([database.close]);
try {
  const result = await seedDemoData(database.url);
  console.log(
    `Seed: ${result.organisationsCreated} organisations and ${result.usersCreated} users created (existing ones kept).`,
  );
  console.log(demoSignInTable());
} finally {
  await database.close();
}
