"use client";
import { ServiceProblem } from "@/components/ServiceProblem";
import "./globals.css";

// When even the root layout cannot render (it reads the session from the database), Next.js shows
// this instead of its own "Application error" page. Never shows the error itself: stack traces can
// carry personal data.
export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  return (
    <html lang="en-GB">
      <body>
        <main id="main-content" className="govuk-width-container max-w-[640px] pb-12 pt-8">
          <ServiceProblem digest={error.digest} />
        </main>
      </body>
    </html>
  );
}
