"use client";

// Never shows the error itself: stack traces can carry personal data.
export default function ErrorPage({ error }: { error: Error & { digest?: string } }) {
  return (
    <div className="max-w-[640px]">
      <h1 className="govuk-heading-l">Sorry, there is a problem with the service</h1>
      <p className="govuk-body">Try again later. Any answers you have already saved are kept.</p>
      <p className="govuk-body">
        If a child is at immediate risk, do not wait: follow your safeguarding procedures now.
      </p>
      {error.digest ? <p className="govuk-body-s text-govuk-secondary">Reference: {error.digest}</p> : null}
    </div>
  );
}
