import { alertRuleKinds, alertStatuses } from "@/contract/health/alert-kinds";
import { optionalOneOf, optionalPositiveInt, searchSchema } from "@/web/lib/search-params";

// Route-safe: no zod (validateSearch runs in the app chunk).

/** Alert history filters and the alert whose detail is open, in the URL so a view can be shared. */
export const alertsSearch = searchSchema({
  status: optionalOneOf(alertStatuses),
  kind: optionalOneOf(alertRuleKinds),
  server: optionalPositiveInt(),
  rule: optionalPositiveInt(),
  alert: optionalPositiveInt(),
});
export type AlertsSearch = ReturnType<typeof alertsSearch.parse>;
