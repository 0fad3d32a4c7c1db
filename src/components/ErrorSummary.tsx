"use client";
import { useEffect, useRef, useSyncExternalStore } from "react";
import { createPortal } from "react-dom";
import { ERROR_SUMMARY_SLOT_ID } from "./error-summary-slot";
import { fullPageTitle } from "./page-title";
import type { FormError } from "@/domain/errors";

export const ERROR_TITLE_PREFIX = "Error: ";

/** The page's title while a form on it has errors (GOV.UK: "Error: " before the usual title). */
export function errorTitle(title: string): string {
  return title.startsWith(ERROR_TITLE_PREFIX) ? title : `${ERROR_TITLE_PREFIX}${title}`;
}

const noSubscription = () => () => {};

/**
 * GOV.UK error summary: first in main, with "Error: " in the page title, and takes focus when it appears
 * so screen readers announce the problems. Rendered where the form is (so it shows without JavaScript);
 * once the page runs, it moves to the top of main, above any warning or panel the page shows first.
 * Given the page's title, it renders the page's <title> itself (React puts it in the head, in the
 * server's HTML too), "Error: " first while there are errors, so a form posted without JavaScript comes
 * back with it. Such a page sets no metadata title (`TITLE_FROM_FORM`): the browser shows the first
 * <title>, which would be the metadata's.
 */
export function ErrorSummary({
  errors,
  fieldIdPrefix = "",
  pageTitle,
}: {
  errors: FormError[];
  fieldIdPrefix?: string;
  pageTitle?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const slot = useSyncExternalStore(
    noSubscription,
    () => document.getElementById(ERROR_SUMMARY_SLOT_ID),
    () => null,
  );
  const hasErrors = errors.length > 0;
  const title = pageTitle ? (
    <title>{hasErrors ? errorTitle(fullPageTitle(pageTitle)) : fullPageTitle(pageTitle)}</title>
  ) : null;
  useEffect(() => {
    if (!hasErrors || pageTitle) return;
    const title = document.title;
    document.title = errorTitle(title);
    return () => {
      // Put back the title the page had, unless a navigation has set another since.
      if (document.title === errorTitle(title)) document.title = title;
    };
  }, [hasErrors, pageTitle]);
  useEffect(() => {
    if (errors.length > 0) ref.current?.focus();
  }, [errors, slot]);
  if (!hasErrors) return title;
  const summary = (
    <div
      ref={ref}
      tabIndex={-1}
      role="alert"
      aria-labelledby="error-summary-title"
      className="mb-8 border-[5px] border-govuk-error p-4 focus:outline-[3px] focus:outline-govuk-focus"
      data-testid="error-summary"
    >
      <h2 id="error-summary-title" className="govuk-heading-m">
        There is a problem
      </h2>
      <ul className="govuk-list">
        {errors.map((error) => (
          <li key={`${error.field}-${error.message}`}>
            <a href={error.href ?? `#${fieldIdPrefix}${error.field}`} className="font-bold text-govuk-error! underline">
              {error.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
  return (
    <>
      {title}
      {slot ? createPortal(summary, slot) : summary}
    </>
  );
}
