import Link from "next/link";
import { fullPageTitle } from "@/components/page-title";

export default function Forbidden() {
  return (
    <div className="max-w-[640px]" data-testid="forbidden">
      {/* Its own title: a page whose form renders the title (TITLE_FROM_FORM) has none in its metadata. */}
      <title>{fullPageTitle("You do not have permission to view this page")}</title>
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
