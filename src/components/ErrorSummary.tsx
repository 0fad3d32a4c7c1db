"use client";
import { useEffect, useRef, useSyncExternalStore } from "react";
import { createPortal } from "react-dom";
import { ERROR_SUMMARY_SLOT_ID } from "./error-summary-slot";
import { fullPageTitle } from "./page-title";

export interface FormError {
  field: string;
  message: string;
}

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
 * Given the page's title (its metadata title), the "Error: " title is rendered as a <title> that React
 * puts in the head, so a form posted without JavaScript comes back with it too.
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
  if (!hasErrors) return null;
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
            <a href={`#${fieldIdPrefix}${error.field}`} className="font-bold text-govuk-error! underline">
              {error.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
  return (
    <>
      {pageTitle ? <title>{errorTitle(fullPageTitle(pageTitle))}</title> : null}
      {slot ? createPortal(summary, slot) : summary}
    </>
  );
}
