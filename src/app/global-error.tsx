"use client";
import "./globals.css";

// When even the root layout cannot render (it reads the session from the database), Next.js shows
// this instead of its own "Application error" page. Never shows the error itself: stack traces can
// carry personal data.
export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  return (
    <html lang="en-GB">
      <body>
        <main id="main-content" className="govuk-width-container max-w-[640px] pb-12 pt-8">
          <h1 className="govuk-heading-l">Sorry, there is a problem with the service</h1>
          <p className="govuk-body">Try again later. Any answers you have already saved are kept.</p>
          <p className="govuk-body">
            If a child is at immediate risk, do not wait: follow your safeguarding procedures now.
          </p>
          {error.digest ? <p className="govuk-body-s text-govuk-secondary">Reference: {error.digest}</p> : null}
        </main>
      </body>
    </html>
  );
}
