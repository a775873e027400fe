// Shared with the workflow editor's palette and nodes; the components live in components/.
export { MethodLabel, RiskBadge } from "@/web/components/operation-meta";
