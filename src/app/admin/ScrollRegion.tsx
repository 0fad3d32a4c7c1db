import type { ReactNode } from "react";

/**
 * A wide table in a box of its own that scrolls sideways on a narrow screen, so the page does not
 * (WCAG 1.4.10). The box takes keyboard focus, so it can be scrolled without a mouse.
 */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div
      role="region"
      aria-label={label}
      tabIndex={0}
      className="mb-8 overflow-x-auto focus:outline-[3px] focus:outline-offset-2 focus:outline-govuk-focus"
    >
      {children}
    </div>
  );
}
