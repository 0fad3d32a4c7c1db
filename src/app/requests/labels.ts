import { PRIORITY_LABELS, type Priority, REQUEST_STATUS_LABELS, type RequestStatus } from "@/domain/requests";

export const PRIORITY_COLOURS: Record<Priority, "red" | "orange" | "green"> = {
  RED: "red",
  AMBER: "orange",
  GREEN: "green",
};

export function priorityLabel(priority: Priority): string {
  return PRIORITY_LABELS[priority];
}

export function statusLabel(status: RequestStatus): string {
  return REQUEST_STATUS_LABELS[status];
}

export const EVENT_LABELS: Record<string, string> = {
  SENT: "Sent",
  ASSIGNED: "Assigned",
  ACKNOWLEDGED: "Acknowledged",
  ANSWERED: "Answered",
  RECEIPT_CONFIRMED: "Receipt confirmed",
  VIEWED: "Viewed by the requesting side",
  REMINDED: "Reminder sent",
  ESCALATED: "Escalated to the contact team’s supervisors",
  DISPUTED: "Refusal taken to the lead safeguarding partners",
  ESCALATED_TO_LEAD_PARTNERS: "Escalated to the lead safeguarding partners",
  ESCALATION_DECIDED: "Decided by the lead safeguarding partners",
};
