import { fireEvent, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { describe, expect, it, vi } from "vitest";
import { triggers } from "@/contract/postmark";
import { newDocument } from "./doc-edits";
import type { ParamValue } from "@/contract/workflows";
import type { FormField } from "@/web/lib/zod-fields";
import { dataSources, fieldToLiteral, literalToField, modeOf, sampleContext } from "./param-value";
import { WorkflowsParamEditor } from "./workflows-param-editor";

const numberField: FormField = { name: "bounceid", kind: "number", required: true, nullable: false, integer: true };
const jsonField: FormField = { name: "Suppressions", kind: "json", required: true, nullable: false };

describe("literal ↔ form value", () => {
  it("converts numbers, booleans and JSON both ways, keeping bad input out of the document", () => {
    expect(fieldToLiteral(numberField, "42")).toEqual({ ok: true, value: 42 });
    expect(fieldToLiteral(numberField, "4x")).toEqual({ ok: true, value: "4x" });
    expect(fieldToLiteral(numberField, "")).toEqual({ ok: true, value: undefined });
    expect(fieldToLiteral(jsonField, "[1]")).toEqual({ ok: true, value: [1] });
    expect(fieldToLiteral(jsonField, "[1").ok).toBe(false);
    expect(literalToField(jsonField, [1])).toBe("[\n  1\n]");
    expect(literalToField(numberField, 42)).toBe("42");
    expect(modeOf({ $map: { from: "trigger", path: "ID" } })).toBe("mapping");
    expect(modeOf({ $template: "x" })).toBe("template");
    expect(modeOf(3)).toBe("value");
  });
});

function Harness({ onValue }: { onValue: (v: ParamValue | undefined) => void }) {
  const [value, setValue] = useState<ParamValue | undefined>(undefined);
  const doc = newDocument("bounce");
  return (
    <WorkflowsParamEditor
      id="p"
      field={numberField}
      value={value}
      onChange={(v) => {
        setValue(v);
        onValue(v);
      }}
      sources={dataSources(doc, null)}
      context={sampleContext(doc, null)}
    />
  );
}

describe("mapping value editor", () => {
  it("switches between a literal and a mapping chosen in the data picker, with a preview on sample data", async () => {
    const user = userEvent.setup();
    const onValue = vi.fn();
    render(<Harness onValue={onValue} />);

    fireEvent.change(screen.getByRole("textbox"), { target: { value: "123" } });
    expect(onValue).toHaveBeenLastCalledWith(123);

    await user.click(screen.getByRole("button", { name: "Mapped" }));
    const picker = await screen.findByTestId("data-picker");
    await user.type(within(picker).getByRole("searchbox", { name: "Search fields" }), "ID");
    await user.click(within(picker).getByText("ID", { selector: "span" }));
    expect(onValue).toHaveBeenLastCalledWith({ $map: { from: "trigger", path: "ID" } });
    expect(screen.getByTestId("mapping-label")).toHaveTextContent("Event · ID");
    expect(screen.getByTestId("mapping-preview")).toHaveTextContent(
      `Sample: ${String((triggers.bounce.example as { ID: number }).ID)}`,
    );

    await user.click(screen.getByRole("button", { name: "Value" }));
    expect(onValue).toHaveBeenLastCalledWith(undefined);
    expect(screen.queryByTestId("mapping-label")).toBeNull();
  });

  it("shows why a mapping gives nothing on the sample", async () => {
    const doc = newDocument("bounce");
    render(
      <WorkflowsParamEditor
        id="p"
        field={numberField}
        value={{ $map: { from: "trigger", path: "NoSuchField" } }}
        onChange={() => {}}
        sources={dataSources(doc, null)}
        context={sampleContext(doc, null)}
      />,
    );
    expect(screen.getByTestId("mapping-preview")).toHaveTextContent("trigger.NoSuchField is missing");
  });
});
