"use client";
import { useEffect, useRef } from "react";

export interface FormError {
  field: string;
  message: string;
}

/** GOV.UK error summary: takes focus when it appears so screen readers announce the problems. */
export function ErrorSummary({ errors, fieldIdPrefix = "" }: { errors: FormError[]; fieldIdPrefix?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (errors.length > 0) ref.current?.focus();
  }, [errors]);
  if (errors.length === 0) return null;
  return (
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
}
