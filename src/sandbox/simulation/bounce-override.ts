// A sandbox-only control: make a server bounce a set share of its new sends, so that alerts and
// verdicts can be exercised end to end. Bounces are spread evenly (every 1/rate-th recipient),
// not drawn at random, so a test knows exactly how many it will get.
import type { ServerStore } from "../world/server-store";

interface Override {
  rate: number;
  type: string;
  /** Fraction carried between recipients; a bounce each time it reaches 1. */
  carry: number;
}

const overrides = new WeakMap<ServerStore, Override>();

export function setBounceOverride(store: ServerStore, o: { rate: number; type: string } | null): void {
  if (o === null) overrides.delete(store);
  else overrides.set(store, { rate: o.rate, type: o.type, carry: 0 });
}

export function bounceOverrideOf(store: ServerStore): { rate: number; type: string } | null {
  const o = overrides.get(store);
  return o ? { rate: o.rate, type: o.type } : null;
}

/** With an override: the bounce type for the next recipient, or false for none. Without: null. */
export function nextOverriddenBounce(store: ServerStore): string | false | null {
  const o = overrides.get(store);
  if (!o) return null;
  o.carry += o.rate;
  if (o.carry >= 1 - 1e-9) {
    o.carry -= 1;
    return o.type;
  }
  return false;
}
