import Link from "next/link";

export default function Forbidden() {
  return (
    <div className="max-w-[640px]" data-testid="forbidden">
      <h1 className="govuk-heading-l">You do not have permission to view this page</h1>
      <p className="govuk-body">
        Your role does not give access to this part of InfoShare. This attempt has been recorded.
      </p>
      <p className="govuk-body">
        If you think you should have access, contact your information governance lead or service administrator.
      </p>
      <p className="govuk-body">
        <Link href="/">Go to your home page</Link>
      </p>
    </div>
  );
}
