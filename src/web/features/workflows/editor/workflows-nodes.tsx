import { Handle, Position, type NodeProps, type NodeTypes } from "@xyflow/react";
import { memo } from "react";
import type { ActionFlowNode, ConditionFlowNode, TriggerFlowNode } from "./flow-convert";
import { StepCard, TriggerCard } from "./workflows-node-card";

const handle = "!size-2.5 !border-background !bg-muted-foreground";

const TriggerNode = memo(function TriggerNode({ selected }: NodeProps<TriggerFlowNode>) {
  return (
    <>
      <TriggerCard selected={selected} />
      <Handle type="source" position={Position.Bottom} className={handle} isConnectable={false} />
    </>
  );
});

const StepNode = memo(function StepNode({ data, selected }: NodeProps<ActionFlowNode | ConditionFlowNode>) {
  return (
    <>
      <Handle type="target" position={Position.Top} className={handle} isConnectable={false} />
      <StepCard stepId={data.stepId} selected={selected} />
      <Handle type="source" position={Position.Bottom} className={handle} isConnectable={false} />
    </>
  );
});

/** Declared once, outside any component, so React Flow never sees a new object and remounts nodes. */
export const workflowNodeTypes = { trigger: TriggerNode, action: StepNode, condition: StepNode } satisfies NodeTypes;
