"use client";
import { useActionState } from "react";
import { ErrorSummary } from "@/components/ErrorSummary";
import { Textarea } from "@/components/form-fields";
import { type FormState, INITIAL_FORM_STATE } from "@/domain/errors";
import type { InvitationRow } from "@/domain/accounts/invitation-csv";
import { importInvitationsAction, previewImportAction } from "../actions";

export function ImportForm({ roleLabels }: { roleLabels: Record<string, string> }) {
  const [preview, previewAction, previewing] = useActionState<FormState, FormData>(
    previewImportAction,
    INITIAL_FORM_STATE,
  );
  const [imported, importAction, importing] = useActionState<FormState, FormData>(
    importInvitationsAction,
    INITIAL_FORM_STATE,
  );
  const csv = typeof preview.values?.csv === "string" ? preview.values.csv : "";
  const rows: InvitationRow[] =
    typeof preview.values?.preview === "string" ? (JSON.parse(preview.values.preview) as InvitationRow[]) : [];
  const valid = rows.filter((row) => row.errors.length === 0).length;
  return (
    <>
      <ErrorSummary errors={[...preview.errors, ...imported.errors]} />
      <form action={previewAction} noValidate key={`${preview.errors.length}-${rows.length}`}>
        <div className="govuk-form-group">
          <label className="govuk-label" htmlFor="file">
            Choose a CSV file
          </label>
          <input id="file" name="file" type="file" accept=".csv,text/csv" className="block w-full max-w-full py-1" />
        </div>
        <Textarea
          name="csv"
          label="Or paste the rows"
          hint="One person a line: name, email, role (practitioner, supervisor, IG lead or admin), and team if any."
          rows={6}
          defaultValue={csv}
          error={preview.errors.find((e) => e.field === "csv")?.message}
        />
        <button type="submit" className="govuk-button govuk-button-secondary" disabled={previewing}>
          Check the rows
        </button>
      </form>
      {rows.length > 0 ? (
        <section aria-labelledby="preview-heading">
          <h2 id="preview-heading" className="govuk-heading-m">
            Preview
          </h2>
          <p className="govuk-body" aria-live="polite" data-testid="import-summary">
            {preview.notice} Nothing has been sent yet.
          </p>
          <ul className="govuk-list" data-testid="import-rows">
            {rows.map((row) => (
              <li key={row.line} className="border-b border-govuk-border py-2 break-words">
                <span className="font-bold">Row {row.line}:</span> {row.name || "(no name)"},{" "}
                {row.email || "(no email)"}
                {row.role ? `, ${roleLabels[row.role]}` : ""}
                {row.teamName ? `, ${row.teamName}` : ""}
                {row.errors.length > 0 ? (
                  <ul className="govuk-list mb-0 text-govuk-error">
                    {row.errors.map((error) => (
                      <li key={error}>{error}</li>
                    ))}
                  </ul>
                ) : (
                  <span className="block text-govuk-secondary">Will be invited</span>
                )}
              </li>
            ))}
          </ul>
          {valid > 0 ? (
            <form action={importAction}>
              <input type="hidden" name="csv" value={csv} />
              <button type="submit" className="govuk-button" disabled={importing}>
                Invite {valid} {valid === 1 ? "person" : "people"}
              </button>
            </form>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
