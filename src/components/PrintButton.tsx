"use client";

export function PrintButton() {
  return (
    <button type="button" className="govuk-button govuk-button-secondary no-print" onClick={() => window.print()}>
      Print this record
    </button>
  );
}
