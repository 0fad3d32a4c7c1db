export * from "./totp";
export * from "./recovery-codes";
export * from "./secret-box";
export * from "./requirement";
