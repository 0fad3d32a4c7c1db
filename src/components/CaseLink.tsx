import Link from "next/link";
import type { ReactNode } from "react";
import { caseHref, caseReferenceText } from "./format";

/**
 * A link to a case's page, its text the reference unless `children` say otherwise; plain text saying
 * there is none for a record with no case reference (a link with no text or no case fails WCAG 2.4.4).
 */
export function CaseLink({ reference, children }: { reference: string | null | undefined; children?: ReactNode }) {
  const href = caseHref(reference);
  if (!href) return <>{caseReferenceText(reference)}</>;
  return <Link href={href}>{children ?? reference}</Link>;
}
