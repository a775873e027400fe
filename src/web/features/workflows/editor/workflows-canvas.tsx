import "@xyflow/react/dist/style.css";
import {
  applyNodeChanges,
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  type NodeChange,
} from "@xyflow/react";
import { useCallback, useEffect, useMemo, useState, type DragEvent } from "react";
import { useEditor, useEditorStore } from "./editor-context";
import { setPositions, type Position } from "./doc-edits";
import { documentToFlow, type WorkflowFlowNode } from "./flow-convert";
import { PALETTE_MIME, readPaletteItem, type PaletteItem } from "./palette-items";
import { workflowNodeTypes } from "./workflows-nodes";

export interface WorkflowsCanvasProps {
  onAdd: (item: PaletteItem, position?: Position) => void;
}

function Canvas({ onAdd }: WorkflowsCanvasProps) {
  const store = useEditorStore();
  const doc = useEditor((s) => s.doc);
  const selected = useEditor((s) => s.selected);
  const { screenToFlowPosition, fitView } = useReactFlow();
  // Nodes depend on the step ids, order and layout only; a parameter edit re-renders just its node.
  const shape = useMemo(() => documentToFlow(doc, selected), [doc, selected]);
  const [nodes, setNodes] = useState<WorkflowFlowNode[]>(shape.nodes);
  useEffect(() => setNodes(shape.nodes), [shape.nodes]);
  // A node added or removed (palette, undo, import) may be off screen: bring everything into view.
  const count = shape.nodes.length;
  useEffect(() => {
    const t = setTimeout(() => void fitView({ maxZoom: 1, padding: 0.2, duration: 200 }), 50);
    return () => clearTimeout(t);
  }, [count, fitView]);

  const onNodesChange = useCallback((changes: NodeChange<WorkflowFlowNode>[]) => {
    // Removal and selection go through the editor store (undo, keyboard, the phone list); moves stay local until the drag ends.
    const local = changes.filter((c) => c.type === "position" || c.type === "dimensions");
    if (local.length) setNodes((ns) => applyNodeChanges(local, ns));
  }, []);

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    const item = readPaletteItem(e.dataTransfer.getData(PALETTE_MIME));
    if (!item) return;
    const p = screenToFlowPosition({ x: e.clientX, y: e.clientY });
    onAdd(item, { x: p.x - 128, y: p.y - 30 });
  };

  return (
    <ReactFlow<WorkflowFlowNode>
      nodes={nodes}
      edges={shape.edges}
      nodeTypes={workflowNodeTypes}
      onNodesChange={onNodesChange}
      onNodeClick={(_, n) => store.select(n.id)}
      onPaneClick={() => store.select(null)}
      onNodeDragStop={(_, __, dragged) =>
        store.update((d) => setPositions(d, Object.fromEntries(dragged.map((n) => [n.id, n.position]))))
      }
      onDragOver={(e) => {
        e.preventDefault();
        e.dataTransfer.dropEffect = "move";
      }}
      onDrop={onDrop}
      nodesConnectable={false}
      deleteKeyCode={null}
      fitView
      fitViewOptions={{ maxZoom: 1, padding: 0.2 }}
      minZoom={0.25}
      proOptions={{ hideAttribution: true }}
      aria-label="Workflow canvas"
    >
      <Background gap={16} />
      <Controls showInteractive={false} />
      <MiniMap pannable zoomable className="!hidden 2xl:!block" />
    </ReactFlow>
  );
}

/** The free canvas (desktop); React Flow loads only with this file. */
export function WorkflowsCanvas(props: WorkflowsCanvasProps) {
  return (
    <ReactFlowProvider>
      <div className="size-full" data-testid="canvas">
        <Canvas {...props} />
      </div>
    </ReactFlowProvider>
  );
}
