import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { Pager } from "./pager";

describe("Pager", () => {
  it("steps one page back and forth within the pages there are", async () => {
    const onPage = vi.fn();
    render(<Pager page={2} size={50} total={137} shown={50} offset={50} onPage={onPage} />);
    expect(screen.getByText("Page 2 of 3")).toBeTruthy();
    await userEvent.click(screen.getByRole("button", { name: "Previous page" }));
    await userEvent.click(screen.getByRole("button", { name: "Next page" }));
    expect(onPage.mock.calls).toEqual([[1], [3]]);
  });

  it("goes back to the last page from a page named beyond it, and not further on", async () => {
    const onPage = vi.fn();
    render(<Pager page={9} size={50} total={4} shown={0} offset={400} onPage={onPage} />);
    expect(screen.getByRole("button", { name: "Next page" })).toHaveProperty("disabled", true);
    await userEvent.click(screen.getByRole("button", { name: "Previous page" }));
    expect(onPage).toHaveBeenCalledWith(1);
  });
});
