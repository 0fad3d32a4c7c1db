import Link from "next/link";
import { fullPageTitle } from "@/components/page-title";

export default function NotFound() {
  return (
    <div className="max-w-[640px]">
      {/* Its own title: a page whose form renders the title (TITLE_FROM_FORM) has none in its metadata. */}
      <title>{fullPageTitle("Page not found")}</title>
      <h1 className="govuk-heading-l">Page not found</h1>
      <p className="govuk-body">If you typed the web address, check it is correct.</p>
      <p className="govuk-body">
        If you followed a link to a record, it may not exist or you may not have access to it.
      </p>
      <p className="govuk-body">
        <Link href="/">Go to your home page</Link>
      </p>
    </div>
  );
}
