// The fault tests run the production build in .next-bench; build it when a source is newer.
import { ensureProductionBuild } from "../../scripts/lib/harness/server";

export default function setup(): void {
  ensureProductionBuild({ log: (message) => console.log(`[faults] ${message}`) });
}
