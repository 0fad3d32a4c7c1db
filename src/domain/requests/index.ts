export * from "./priority";
export * from "./working-hours";
export * from "./request-input";
export * from "./status";
export * from "./escalation";
export * from "./oversight";
export * from "./answer-from-decision";
