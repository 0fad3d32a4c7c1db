import { formatUkDate, formatUkDateTime } from "@/domain/calendar";

/** GOV.UK style: "4 June 2026 at 2:30pm", UK time (the UK calendar, decision 013). */
export function formatDateTime(iso: string | Date): string {
  return formatUkDateTime(new Date(iso));
}

export function formatDate(iso: string | Date): string {
  return formatUkDate(new Date(iso));
}
