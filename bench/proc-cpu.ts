// CPU time of other processes (Linux /proc): the cluster bench charges each acknowledged webhook
// with the CPU its instances and their PostgreSQL backends spent, a figure that load on the machine
// moves far less than the rate.
import fs from "node:fs";
import os from "node:os";

const TICK = 100; // USER_HZ: Linux reports utime/stime in 1/100 s on every common platform.

/** User + system CPU seconds of a process so far; 0 if it is gone or /proc is not there. */
export function cpuSeconds(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command (which may contain spaces) start after its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / TICK;
  } catch {
    return 0;
  }
}

/** Sum of `cpuSeconds` over pids, read now; `since` gives the CPU spent after this snapshot. */
export function cpuSnapshot(pids: number[]) {
  const start = new Map(pids.map((p) => [p, cpuSeconds(p)]));
  return {
    /** CPU seconds spent since the snapshot by its pids plus `more` (counted from 0: new processes). */
    since(more: number[] = []): number {
      let total = 0;
      for (const [p, s] of start) total += Math.max(0, cpuSeconds(p) - s);
      for (const p of more) if (!start.has(p)) total += cpuSeconds(p);
      return total;
    },
  };
}

export const loadAverage = () =>
  os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(" ");
