/**
 * Recovery codes, shown once: the page says so and asks the person to keep them safe. "Continue"
 * goes through the route that re-issues the session cookie once the second factor is given.
 */
export function RecoveryCodesList({ codes, next }: { codes: string[]; next: string }) {
  return (
    <div data-testid="recovery-codes">
      <h2 className="govuk-heading-m">Your recovery codes</h2>
      <p className="govuk-body">
        If you lose your phone or passkey, you can sign in with one of these codes instead. Each code works once.
      </p>
      <div className="govuk-warning-text mb-6 border-l-[5px] border-govuk-text pl-4 font-bold">
        Keep them somewhere safe, such as a password manager or a locked drawer. You will not see them again.
      </div>
      <ul className="govuk-list mb-8 font-mono text-[1.1875rem]">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
      <a href={`/api/second-factor/continue?next=${encodeURIComponent(next)}`} className="govuk-button">
        Continue
      </a>
    </div>
  );
}
