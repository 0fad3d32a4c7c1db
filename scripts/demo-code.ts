// `npm run demo:code`: the demo accounts' current second-factor code (decision 021), for signing in
// to the demo without an authenticator app. Every demo account shares the published secret.
import { TOTP_PERIOD_SECONDS, totpCodeAt } from "../src/domain/second-factor/totp";
import { DEMO_TOTP_SECRET } from "./lib/demo-data";

const now = Date.now();
const secondsLeft = TOTP_PERIOD_SECONDS - (Math.floor(now / 1000) % TOTP_PERIOD_SECONDS);
console.log(`${totpCodeAt(DEMO_TOTP_SECRET, now)}  (demo accounts' code, valid for ${secondsLeft} more seconds;`);
console.log(`       each code signs one account in once: wait for the next one to sign the same account in again)`);
