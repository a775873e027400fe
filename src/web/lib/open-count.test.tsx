import { renderHook } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { useOpenCount } from "./open-count";

describe("useOpenCount", () => {
  it("counts each opening and keeps the count while closed", () => {
    const { result, rerender } = renderHook(({ open }) => useOpenCount(open), { initialProps: { open: false } });
    expect(result.current).toBe(0);
    rerender({ open: true });
    expect(result.current).toBe(1);
    rerender({ open: true });
    expect(result.current).toBe(1);
    rerender({ open: false });
    expect(result.current).toBe(1);
    rerender({ open: true });
    expect(result.current).toBe(2);
  });

  it("starts at one when mounted open", () => {
    const { result } = renderHook(() => useOpenCount(true));
    expect(result.current).toBe(1);
  });
});
