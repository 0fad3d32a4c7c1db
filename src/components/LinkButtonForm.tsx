import type { ReactNode } from "react";

/**
 * A one-button form that looks like a link, for a small action on one item of a list (resend,
 * withdraw, remove). `itemName` goes to screen readers only, so each button says which item it acts on.
 */
export function LinkButtonForm({
  action,
  hidden,
  label,
  itemName,
}: {
  action: (formData: FormData) => Promise<void>;
  hidden: Record<string, string>;
  label: ReactNode;
  itemName: string;
}) {
  return (
    <form action={action}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" className="govuk-link-button">
        {label}
        <span className="sr-only"> {itemName}</span>
      </button>
    </form>
  );
}
