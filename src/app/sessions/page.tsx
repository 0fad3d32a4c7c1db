import type { Metadata } from "next";
import { currentSessionId, requireUser } from "@/server/auth/current-actor";
import { listMySessions } from "@/server/auth/list-my-sessions";
import { PageHeading, SuccessBanner, Tag } from "@/components/layout-bits";
import { formatDateTime } from "@/components/format";
import { endOtherSessionAction } from "./actions";
import { type PageProps, doneNotice } from "@/app/page-props";

export const metadata: Metadata = { title: "Your sessions" };

// GOV.UK summary list, one row per open session; the row's action is a form button, not a link,
// because ending a session changes something (and works without JavaScript).
export default async function SessionsPage({ searchParams }: PageProps) {
  const user = await requireUser();
  const sessions = await listMySessions(user, await currentSessionId());
  const notice = doneNotice(await searchParams, { ended: "Session ended. That browser will need to sign in again." });
  return (
    <div className="max-w-[760px]">
      <SuccessBanner message={notice} />
      <PageHeading>Your sessions</PageHeading>
      <p className="govuk-body">
        These are the browsers signed in to your account. If you do not recognise one, end it and tell your service
        administrator.
      </p>
      <p className="govuk-body">
        <a href="/second-factor/manage" className="govuk-link">
          Your second factor
        </a>{" "}
        (authenticator app, passkeys and recovery codes)
      </p>
      <dl className="mb-8 sm:table sm:w-full sm:table-fixed" data-testid="sessions">
        {sessions.map((session) => (
          <div key={session.id} className="border-b border-govuk-border py-2.5 sm:table-row">
            <dt className="mb-1 font-bold sm:table-cell sm:w-1/3 sm:py-2.5 sm:pr-5">
              Signed in {formatDateTime(session.signedInAt)}
            </dt>
            <dd className="mb-1 sm:table-cell sm:py-2.5 sm:pr-5">
              Last active {formatDateTime(session.lastActiveAt)}
              {session.ip ? <span className="block">From {session.ip}</span> : null}
            </dd>
            <dd className="sm:table-cell sm:w-1/4 sm:py-2.5 sm:text-right">
              {session.current ? (
                <Tag colour="green">This browser</Tag>
              ) : (
                <form action={endOtherSessionAction}>
                  <input type="hidden" name="sessionId" value={session.id} />
                  <button type="submit" className="govuk-button govuk-button-secondary mb-0">
                    End session
                    <span className="sr-only"> signed in {formatDateTime(session.signedInAt)}</span>
                  </button>
                </form>
              )}
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
