export * from "./bank-holidays";
export * from "./response-times";
