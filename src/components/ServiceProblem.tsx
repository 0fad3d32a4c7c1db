/** The words of the "problem with the service" pages. No error detail: stack traces can carry personal data. */
export function ServiceProblem({ digest }: { digest?: string }) {
  return (
    <>
      <h1 className="govuk-heading-l">Sorry, there is a problem with the service</h1>
      <p className="govuk-body">Try again later. Any answers you have already saved are kept.</p>
      <p className="govuk-body">
        If a child is at immediate risk, do not wait: follow your safeguarding procedures now.
      </p>
      {digest ? <p className="govuk-body-s text-govuk-secondary">Reference: {digest}</p> : null}
    </>
  );
}
