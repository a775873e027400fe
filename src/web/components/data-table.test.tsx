import { act, render, renderHook, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Inbox } from "lucide-react";
import { describe, expect, it, vi } from "vitest";
import { DataTable, type DataTableColumn } from "./data-table";
import { useRowSelection } from "./data-table-selection";

interface Row {
  id: number;
  email: string;
  kind: string;
}
const rows: Row[] = [
  { id: 1, email: "a@example.com", kind: "HardBounce" },
  { id: 2, email: "b@example.com", kind: "SpamComplaint" },
  { id: 3, email: "c@example.com", kind: "SoftBounce" },
];
const columns: DataTableColumn<Row>[] = [
  { id: "email", header: "Address", cell: (r) => r.email },
  {
    id: "kind",
    header: "Type",
    cell: (r) => r.kind,
    hideBelow: "sm",
    phone: (r) => `type ${r.kind}`,
    phoneClassName: "text-xs",
  },
  { id: "actions", header: "Actions", cell: (r) => <button type="button">Open {r.id}</button>, align: "end" },
];
function nth(list: HTMLElement[], i: number): HTMLElement {
  const el = list[i];
  if (!el) throw new Error(`no element ${i}`);
  return el;
}
const empty = { icon: Inbox, title: "Nothing here", children: "Send something first." };

describe("DataTable", () => {
  it("renders a header and one row per item with its attributes", () => {
    render(
      <DataTable
        columns={columns}
        rows={rows}
        rowKey={(r) => r.id}
        rowAttributes={(r) => ({ "data-testid": "row", "data-id": r.id })}
      />,
    );
    expect(screen.getAllByRole("columnheader").map((h) => h.textContent)).toEqual(["Address", "Type", "Actions"]);
    const shown = screen.getAllByTestId("row");
    expect(shown.map((r) => r.getAttribute("data-id"))).toEqual(["1", "2", "3"]);
    expect(within(nth(shown, 1)).getByRole("button", { name: "Open 2" })).toBeInTheDocument();
  });

  it("hides a low-priority column on phones and leaves its phone line under the first column", () => {
    render(<DataTable columns={columns} rows={rows.slice(0, 1)} rowKey={(r) => r.id} />);
    const cells = screen.getAllByRole("cell");
    expect(nth(cells, 1)).toHaveClass("hidden", "sm:table-cell");
    expect(screen.getByRole("columnheader", { name: "Type" })).toHaveClass("hidden", "sm:table-cell");
    const line = within(nth(cells, 0)).getByText("type HardBounce");
    expect(line).toHaveClass("sm:hidden", "text-xs");
    expect(nth(cells, 2)).toHaveClass("text-right");
  });

  it("shows a skeleton while loading, not the rows", () => {
    render(<DataTable columns={columns} rows={undefined} rowKey={(r) => r.id} loading loadingLabel="Loading rows" />);
    expect(screen.getByLabelText("Loading rows")).toHaveAttribute("aria-busy", "true");
    expect(screen.queryByRole("table")).toBeNull();
  });

  it("shows the error with a retry that calls back", async () => {
    const onRetry = vi.fn();
    render(
      <DataTable
        columns={columns}
        rows={undefined}
        rowKey={(r) => r.id}
        error={new Error("boom")}
        errorTitle="Could not load rows"
        onRetry={onRetry}
      />,
    );
    expect(screen.getByRole("alert")).toHaveTextContent("Could not load rows");
    expect(screen.getByRole("alert")).toHaveTextContent("boom");
    await userEvent.click(screen.getByRole("button", { name: "Try again" }));
    expect(onRetry).toHaveBeenCalledOnce();
  });

  it("shows the empty state, and the toolbar above it", () => {
    render(<DataTable columns={columns} rows={[]} rowKey={(r) => r.id} empty={empty} toolbar={<p>0 suppressed</p>} />);
    expect(screen.getByText("Nothing here")).toBeInTheDocument();
    expect(screen.getByText("Send something first.")).toBeInTheDocument();
    expect(screen.getByText("0 suppressed")).toBeInTheDocument();
    expect(screen.queryByRole("table")).toBeNull();
  });

  it("frames the list in a card with the test id", () => {
    render(<DataTable columns={columns} rows={rows} rowKey={(r) => r.id} framed testId="things-list" />);
    expect(screen.getByTestId("things-list")).toContainElement(screen.getByRole("table"));
  });

  describe("paging", () => {
    const paging = { page: 2, size: 50, total: 120, offset: 50, noun: "bounces" };

    it("shows the pager under the rows and moves to the next page", async () => {
      const onPage = vi.fn();
      render(<DataTable columns={columns} rows={rows} rowKey={(r) => r.id} paging={{ ...paging, onPage }} />);
      expect(screen.getByTestId("pager")).toHaveTextContent("51–53 of 120");
      expect(screen.getByTestId("pager")).toHaveTextContent("Page 2 of 3");
      await userEvent.click(screen.getByRole("button", { name: "Next page" }));
      expect(onPage).toHaveBeenCalledWith(3);
    });

    it("says when the page lies past the end of the results", () => {
      render(
        <DataTable
          columns={columns}
          rows={[]}
          rowKey={(r) => r.id}
          empty={empty}
          paging={{ ...paging, page: 9, offset: 400, onPage: vi.fn() }}
        />,
      );
      expect(screen.getByText("Page 9 is past the end of the results")).toBeInTheDocument();
      expect(screen.getByText("There are 120 bounces in all, 3 pages.")).toBeInTheDocument();
      expect(screen.queryByTestId("pager")).toBeNull();
    });

    it("keeps Postmark's 10,000-row ceiling: the last page is the 10,000th row", () => {
      render(
        <DataTable
          columns={columns}
          rows={rows}
          rowKey={(r) => r.id}
          paging={{ page: 1, size: 500, total: 25_000, offset: 0, onPage: vi.fn() }}
        />,
      );
      expect(screen.getByTestId("pager")).toHaveTextContent("Page 1 of 20");
      expect(screen.getByText(/first 10,000 only/)).toBeInTheDocument();
    });
  });

  describe("selection", () => {
    function Selectable({ shown }: { shown: Row[] }) {
      const { selected, change } = useRowSelection<number>();
      return (
        <>
          <output>{[...selected].sort().join(",")}</output>
          <DataTable
            columns={columns}
            rows={shown}
            rowKey={(r) => r.id}
            selection={{
              selected,
              onChange: change,
              allLabel: "Select all on this page",
              rowLabel: (r) => `Select ${r.email}`,
              blocked: (r) =>
                r.kind === "SpamComplaint"
                  ? { label: `${r.email} cannot be removed`, title: "Spam complaints cannot be removed" }
                  : null,
            }}
          />
        </>
      );
    }

    it("selects rows one by one and skips blocked rows in select all", async () => {
      render(<Selectable shown={rows} />);
      const blocked = screen.getByRole("checkbox", { name: "b@example.com cannot be removed" });
      expect(blocked).toBeDisabled();
      expect(blocked).toHaveAttribute("title", "Spam complaints cannot be removed");
      await userEvent.click(screen.getByRole("checkbox", { name: "Select a@example.com" }));
      expect(screen.getByRole("status")).toHaveTextContent("1");
      expect(screen.getByRole("checkbox", { name: "Select all on this page" })).not.toBeChecked();
      await userEvent.click(screen.getByRole("checkbox", { name: "Select all on this page" }));
      expect(screen.getByRole("status")).toHaveTextContent("1,3");
      expect(screen.getByRole("checkbox", { name: "Select all on this page" })).toBeChecked();
      await userEvent.click(screen.getByRole("checkbox", { name: "Select all on this page" }));
      expect(screen.getByRole("status")).toHaveTextContent(/^$/);
    });

    it("keeps the other pages' selection when select all acts on this page", async () => {
      const { rerender } = render(<Selectable shown={rows.slice(0, 1)} />);
      await userEvent.click(screen.getByRole("checkbox", { name: "Select a@example.com" }));
      rerender(<Selectable shown={rows.slice(2)} />);
      await userEvent.click(screen.getByRole("checkbox", { name: "Select all on this page" }));
      expect(screen.getByRole("status")).toHaveTextContent("1,3");
      await userEvent.click(screen.getByRole("checkbox", { name: "Select all on this page" }));
      expect(screen.getByRole("status")).toHaveTextContent("1");
    });

    it("disables select all when no row on screen may be selected", () => {
      render(<Selectable shown={rows.slice(1, 2)} />);
      expect(screen.getByRole("checkbox", { name: "Select all on this page" })).toBeDisabled();
    });
  });
});

describe("useRowSelection", () => {
  it("adds, removes and clears keys", () => {
    const { result } = renderHook(() => useRowSelection<string>());
    act(() => result.current.change(["a", "b"], true));
    act(() => result.current.change(["a"], false));
    expect([...result.current.selected]).toEqual(["b"]);
    act(() => result.current.clear());
    expect(result.current.selected.size).toBe(0);
  });
});
