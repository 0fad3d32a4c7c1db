import type { Metadata } from "next";
import type { ReactNode } from "react";
import "./globals.css";
import { Footer, Header } from "@/components/Header";
import { signOutAction } from "@/app/sign-out/actions";
import { TimeoutWarning } from "@/components/TimeoutWarning";
import { ERROR_SUMMARY_SLOT_ID } from "@/components/error-summary-slot";
import { PAGE_TITLE_TEMPLATE } from "@/components/page-title";
import { currentSession } from "@/server/auth/current-actor";
import { env } from "@/server/infra/env";
import { partnershipsOf } from "@/server/requests/partnerships-of";

// Every page depends on who is signed in.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: { default: "InfoShare", template: PAGE_TITLE_TEMPLATE },
  description: "Decide whether to share information to keep a child safe, and record the decision.",
  robots: { index: false, follow: false },
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const session = await currentSession();
  const user =
    session.status === "signed-in"
      ? {
          ...session.user,
          unreadNotifications: session.unreadNotifications,
          // The partnership policy decides the partnership links (oversight for IG leads and lead partners).
          partnerships: await partnershipsOf(session.user),
        }
      : null;
  const { SESSION_IDLE_MINUTES, SESSION_WARNING_SECONDS } = env();
  return (
    <html lang="en-GB">
      <body className="flex min-h-screen flex-col">
        <a href="#main-content" className="sr-only bg-govuk-focus p-2.5 text-govuk-text! focus:not-sr-only focus:block">
          Skip to main content
        </a>
        <Header user={user} signOutAction={signOutAction} />
        <div className="govuk-width-container w-full flex-1">
          <main id="main-content" tabIndex={-1} className="pb-12 pt-8 focus:outline-none">
            <div id={ERROR_SUMMARY_SLOT_ID} />
            {children}
          </main>
        </div>
        <Footer />
        {user ? (
          <TimeoutWarning idleSeconds={SESSION_IDLE_MINUTES * 60} warningSeconds={SESSION_WARNING_SECONDS} />
        ) : null}
      </body>
    </html>
  );
}
