"use client";
import { startAuthentication, startRegistration } from "@simplewebauthn/browser";
import type {
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
} from "@simplewebauthn/browser";
import { useState } from "react";
import { RecoveryCodesList } from "./RecoveryCodesList";

async function postJson(url: string, body?: unknown): Promise<{ ok: boolean; data: Record<string, unknown> }> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  return { ok: response.ok, data };
}

/** Posts to one of the passkey routes; what it answers, or its error (else `failure`) thrown to show. */
async function passkeyStep(path: string, failure: string, body?: unknown): Promise<Record<string, unknown>> {
  const { ok, data } = await postJson(`/api/second-factor/${path}`, body);
  if (!ok) throw new Error(typeof data.error === "string" ? data.error : failure);
  return data;
}

/** A passkey control's state: busy while `attempt` runs, and the message of what stopped it (else `failure`). */
function usePasskeyAttempt() {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const attempt = async (run: () => Promise<void>, failure: string) => {
    setBusy(true);
    setError(null);
    try {
      await run();
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : failure);
      setBusy(false);
    }
  };
  return { error, busy, attempt };
}

const UNAVAILABLE = "Passkeys are not available";

// Passkeys need the browser's WebAuthn API, so these parts need JavaScript; the authenticator app
// and recovery codes beside them do not.

/** "Use a passkey": the second step of signing in. */
export function PasskeySignIn({ next }: { next: string }) {
  const { error, busy, attempt } = usePasskeyAttempt();
  const signIn = () =>
    attempt(async () => {
      const options = await passkeyStep("passkey-authentication/options", UNAVAILABLE);
      const optionsJSON = options as unknown as PublicKeyCredentialRequestOptionsJSON;
      const response = await startAuthentication({ optionsJSON });
      await passkeyStep("passkey-authentication", "Your passkey could not be checked", { response });
      window.location.assign(next);
    }, "Your passkey could not be used");
  return (
    <div>
      {error ? (
        <p className="govuk-error-message" role="alert">
          <span className="sr-only">Error:</span> {error}
        </p>
      ) : null}
      <button type="button" className="govuk-button" onClick={signIn} disabled={busy}>
        Use your passkey
      </button>
    </div>
  );
}

/** Register a passkey with a name; recovery codes appear if this is the person's first factor. */
export function PasskeyRegistration({ next, headingLevel = 2 }: { next: string; headingLevel?: 2 | 3 }) {
  const [name, setName] = useState("");
  const { error, busy, attempt } = usePasskeyAttempt();
  const [codes, setCodes] = useState<string[] | null>(null);
  const Heading = headingLevel === 2 ? "h2" : "h3";
  if (codes) return <RecoveryCodesList codes={codes} next={next} />;
  const register = (event: React.FormEvent) => {
    event.preventDefault();
    const failure = "The passkey could not be registered";
    return attempt(async () => {
      const options = await passkeyStep("passkey-registration/options", UNAVAILABLE);
      const optionsJSON = options as unknown as PublicKeyCredentialCreationOptionsJSON;
      const response = await startRegistration({ optionsJSON });
      const { recoveryCodes } = await passkeyStep("passkey-registration", failure, { name, response });
      if (Array.isArray(recoveryCodes)) setCodes(recoveryCodes as string[]);
      else window.location.assign(next);
    }, failure);
  };
  return (
    <form onSubmit={register} noValidate data-testid="passkey-registration">
      <Heading className="govuk-heading-m">Add a passkey</Heading>
      <p className="govuk-body">
        A passkey uses this device’s screen lock, fingerprint or a security key instead of a code.
      </p>
      <div className={`govuk-form-group ${error ? "govuk-form-group-error" : ""}`}>
        <label className="govuk-label" htmlFor="passkey-name">
          Passkey name
        </label>
        <div id="passkey-name-hint" className="govuk-hint">
          So you can tell your passkeys apart, for example “Work laptop”
        </div>
        {error ? (
          <p id="passkey-name-error" className="govuk-error-message">
            <span className="sr-only">Error:</span> {error}
          </p>
        ) : null}
        <input
          id="passkey-name"
          name="name"
          className="govuk-input sm:w-1/2"
          value={name}
          maxLength={60}
          onChange={(e) => setName(e.target.value)}
          aria-describedby={error ? "passkey-name-hint passkey-name-error" : "passkey-name-hint"}
        />
      </div>
      <button type="submit" className="govuk-button govuk-button-secondary" disabled={busy}>
        Add a passkey
      </button>
    </form>
  );
}
