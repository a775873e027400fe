/** Runs callbacks after world-time delays divided by the time scale; close() cancels what is left. */
export class Scheduler {
  private timers = new Set<NodeJS.Timeout>();
  private closed = false;

  constructor(readonly timeScale: number) {}

  after(worldDelayMs: number, run: () => void): void {
    if (this.closed) return;
    const timer = setTimeout(
      () => {
        this.timers.delete(timer);
        if (!this.closed) run();
      },
      Math.max(0, worldDelayMs / this.timeScale),
    );
    timer.unref?.();
    this.timers.add(timer);
  }

  every(worldIntervalMs: number, run: () => void): void {
    if (this.closed) return;
    const timer = setInterval(() => !this.closed && run(), Math.max(10, worldIntervalMs / this.timeScale));
    timer.unref?.();
    this.timers.add(timer);
  }

  pending(): number {
    return this.timers.size;
  }

  close(): void {
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }
}
