import Link from "next/link";
import type { ReactNode } from "react";
import { Tag } from "@/components/layout-bits";

/**
 * A decision's flags in a list: "None", or how urgent they are (no tag when `urgent` is null) above
 * the reasons it was flagged, in words.
 */
export function FlagsCell({
  flagged,
  urgent,
  reasons,
}: {
  flagged: boolean;
  urgent: boolean | null;
  reasons: readonly string[];
}) {
  if (!flagged) return "None";
  return (
    <>
      {urgent === null ? null : <Tag colour={urgent ? "red" : "orange"}>{urgent ? "Urgent" : "Routine"}</Tag>}
      <ul className="mt-1 space-y-1" data-testid="flag-reasons">
        {reasons.map((reason) => (
          <li key={reason}>{reason}</li>
        ))}
      </ul>
    </>
  );
}

/** The link to a list's next page, in a navigation landmark of its own; nothing on the last page. */
export function NextPageLink({ href, label, children }: { href: string | null; label: string; children: ReactNode }) {
  if (!href) return null;
  return (
    <nav aria-label={label} className="mb-8">
      <Link href={href} rel="next">
        {children}
      </Link>
    </nav>
  );
}
