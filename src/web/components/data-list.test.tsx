import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Inbox } from "lucide-react";
import { describe, expect, it, vi } from "vitest";
import { DataList } from "./data-list";
import { queryState } from "./list-states";

interface Hook {
  id: number;
  url: string;
}
const hooks: Hook[] = [
  { id: 7, url: "https://a.example/hook" },
  { id: 9, url: "https://b.example/hook" },
];
const renderItem = (h: Hook) => <span>{h.url}</span>;
const empty = { icon: Inbox, title: "No webhooks", children: "Create one first." };
// What every list below has in common; each test adds the props it is about.
const base = { itemKey: (h: Hook) => h.id, renderItem, label: "Webhooks" };

describe("DataList", () => {
  it("draws each item as a list item of a labelled list, with its class and attributes", () => {
    render(
      <DataList
        items={hooks}
        {...base}
        testId="hooks"
        itemClassName={(h) => (h.id === 9 ? "current" : undefined)}
        itemAttributes={(h) => ({ "data-testid": "hook", "data-id": h.id })}
      />,
    );
    const list = screen.getByRole("list", { name: "Webhooks" });
    expect(list).toHaveAttribute("data-testid", "hooks");
    const items = within(list).getAllByRole("listitem");
    expect(items.map((li) => li.getAttribute("data-id"))).toEqual(["7", "9"]);
    expect(items[0]).toHaveTextContent("https://a.example/hook");
    expect(items[1]).toHaveClass("current");
    expect(items[0]).not.toHaveClass("current");
  });

  it("puts the head and the list in one frame", () => {
    render(<DataList items={hooks} {...base} head={<p>Address</p>} frameClassName="rounded-lg border" />);
    const frame = screen.getByText("Address").parentElement;
    expect(frame).toHaveClass("rounded-lg", "border");
    expect(frame).toContainElement(screen.getByRole("list", { name: "Webhooks" }));
  });

  it("shows a labelled placeholder while loading, not the list", () => {
    render(
      <DataList
        items={undefined}
        {...base}
        loading
        loadingLabel="Loading webhooks"
        skeletonRows={2}
        skeletonClassName="h-24"
      />,
    );
    const busy = screen.getByLabelText("Loading webhooks");
    expect(busy).toHaveAttribute("aria-busy", "true");
    expect(busy.children).toHaveLength(2);
    expect(busy.firstElementChild).toHaveClass("h-24", "w-full");
    expect(screen.queryByRole("list")).toBeNull();
  });

  it("shows the error with a retry that calls back", async () => {
    const onRetry = vi.fn();
    render(
      <DataList
        items={undefined}
        {...base}
        error={new Error("Postmark is down")}
        errorTitle="Could not load webhooks"
        onRetry={onRetry}
      />,
    );
    expect(screen.getByRole("alert")).toHaveTextContent("Could not load webhooks");
    expect(screen.getByRole("alert")).toHaveTextContent("Postmark is down");
    await userEvent.click(screen.getByRole("button", { name: "Try again" }));
    expect(onRetry).toHaveBeenCalledOnce();
    expect(screen.queryByRole("list")).toBeNull();
  });

  it("shows the empty state with its text, and the toolbar above it", () => {
    render(<DataList items={[]} {...base} empty={empty} toolbar={<p>0 on this server</p>} head={<p>Address</p>} />);
    expect(screen.getByText("No webhooks")).toBeInTheDocument();
    expect(screen.getByText("Create one first.")).toBeInTheDocument();
    expect(screen.getByText("0 on this server")).toBeInTheDocument();
    expect(screen.queryByText("Address")).toBeNull();
    expect(screen.queryByRole("list")).toBeNull();
  });

  it("pages under the items, and says when the page is past the end", async () => {
    const onPage = vi.fn();
    const paging = { page: 1, size: 2, total: 5, offset: 0, onPage, noun: "rules" };
    const { rerender } = render(
      <DataList items={hooks} itemKey={(h) => h.id} renderItem={renderItem} label="Rules" paging={paging} />,
    );
    expect(screen.getByTestId("pager")).toHaveTextContent("1–2 of 5");
    await userEvent.click(screen.getByRole("button", { name: "Next page" }));
    expect(onPage).toHaveBeenCalledWith(2);
    rerender(
      <DataList
        items={[]}
        itemKey={(h: Hook) => h.id}
        renderItem={renderItem}
        label="Rules"
        empty={empty}
        paging={{ ...paging, page: 4, offset: 6 }}
      />,
    );
    expect(screen.getByText("Page 4 is past the end of the results")).toBeInTheDocument();
    expect(screen.getByText("There are 5 rules in all, 3 pages.")).toBeInTheDocument();
    expect(screen.queryByTestId("pager")).toBeNull();
  });
});

describe("queryState", () => {
  it("reads loading and error from the query, and retries by refetching", () => {
    const refetch = vi.fn();
    const failed = new Error("boom");
    expect(queryState({ isPending: true, error: null, refetch })).toMatchObject({ loading: true, error: null });
    const state = queryState({ isPending: false, error: failed, refetch });
    expect(state).toMatchObject({ loading: false, error: failed });
    state.onRetry?.();
    expect(refetch).toHaveBeenCalledOnce();
  });
});
