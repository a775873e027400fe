// Shared with the workflow editor's parameter forms; the component lives in components/.
export { OperationField, type OperationFieldProps } from "@/web/components/operation-field";
