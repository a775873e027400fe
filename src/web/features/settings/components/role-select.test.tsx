import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { roles } from "@/contract/api/auth";
import { RoleSelect } from "./role-select";

beforeAll(() => {
  // Radix Select scrolls to the chosen item and captures the pointer; jsdom has neither.
  Element.prototype.scrollIntoView ??= vi.fn();
  Element.prototype.hasPointerCapture ??= () => false;
  Element.prototype.releasePointerCapture ??= vi.fn();
});

describe("RoleSelect", () => {
  it("shows the role, offers every role and hands back the one picked", async () => {
    const onChange = vi.fn();
    render(<RoleSelect value="viewer" onChange={onChange} label="Role of ana" />);
    const trigger = screen.getByRole("combobox", { name: "Role of ana" });
    expect(trigger).toHaveTextContent("viewer");
    await userEvent.click(trigger);
    expect(screen.getAllByRole("option").map((o) => o.textContent)).toEqual([...roles]);
    await userEvent.click(screen.getByRole("option", { name: "operator" }));
    expect(onChange).toHaveBeenCalledWith("operator");
  });

  it("is named by its form label through the id, and can be disabled", () => {
    render(
      <>
        <label htmlFor="new-role">Role</label>
        <RoleSelect id="new-role" value="admin" onChange={vi.fn()} disabled />
      </>,
    );
    expect(screen.getByRole("combobox", { name: "Role" })).toBeDisabled();
  });
});
