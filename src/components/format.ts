import { formatUkDate, formatUkDateTime } from "@/domain/calendar";

/** GOV.UK style: "4 June 2026 at 2:30pm", UK time (the UK calendar, decision 013). */
export function formatDateTime(iso: string | Date): string {
  return formatUkDateTime(new Date(iso));
}

export function formatDate(iso: string | Date): string {
  return formatUkDate(new Date(iso));
}

const plural = (count: number, unit: string) => `${count} ${unit}${count === 1 ? "" : "s"}`;

/**
 * A length of time in words, to the two largest units that matter: "less than a minute", "5 minutes",
 * "2 hours 5 minutes", "3 days 4 hours". Rounded down, so it never says more time passed than did.
 */
export function formatDuration(seconds: number): string {
  const minutes = Math.floor(Math.max(0, seconds) / 60);
  if (minutes < 1) return "less than a minute";
  const days = Math.floor(minutes / (24 * 60));
  const hours = Math.floor((minutes % (24 * 60)) / 60);
  const mins = minutes % 60;
  if (days > 0) return hours > 0 ? `${plural(days, "day")} ${plural(hours, "hour")}` : plural(days, "day");
  if (hours > 0) return mins > 0 ? `${plural(hours, "hour")} ${plural(mins, "minute")}` : plural(hours, "hour");
  return plural(mins, "minute");
}

/** Said where a record has no case reference: a request that identifies no one needs none (issue 11). */
export const NO_CASE_REFERENCE = "None (the request identifies no one)";

export function caseReferenceText(reference: string | null | undefined): string {
  return reference || NO_CASE_REFERENCE;
}

/** The case page of a reference, or null for a record with none (there is no case to open). */
export function caseHref(reference: string | null | undefined): string | null {
  return reference ? `/cases/${encodeURIComponent(reference)}` : null;
}
