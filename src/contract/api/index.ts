export * from "./auth";
export * from "./errors";
export * from "./settings";
export * from "./events";
export * from "./workflows";
export * from "./approvals";
export * from "./audit";
export * from "./notifications";
