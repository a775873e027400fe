import { runStatuses } from "@/contract/api/statuses";
import { triggerIds } from "@/contract/postmark/trigger-ids";
import { optionalOneOf, optionalPositiveInt, optionalText, searchSchema } from "@/web/lib/search-params";

/** `/workflows/new?template=…` opens a library template as a new, unsaved workflow. */
export const editorSearch = searchSchema({
  template: optionalText({ max: 100 }),
  trigger: optionalOneOf(triggerIds),
});
export type EditorSearch = ReturnType<typeof editorSearch.parse>;

/** Run list filters live in the URL so a filtered list can be shared. */
export const runsSearch = searchSchema({
  workflow: optionalPositiveInt(),
  status: optionalOneOf(runStatuses),
  before: optionalPositiveInt(),
});
export type RunsSearch = ReturnType<typeof runsSearch.parse>;
