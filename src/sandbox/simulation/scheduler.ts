/**
 * Runs callbacks after world-time delays divided by the time scale; close() cancels what is left.
 * In manual mode nothing runs by itself: advance() moves world time on and runs what falls due,
 * in order, so tests see delivery, engagement and bulk progress without waiting on real time.
 */
export class Scheduler {
  private timers = new Set<NodeJS.Timeout>();
  private queue: { due: number; seq: number; run: () => void }[] = [];
  private elapsed = 0;
  private seq = 0;
  private closed = false;

  constructor(
    readonly timeScale: number,
    readonly manual = false,
  ) {}

  after(worldDelayMs: number, run: () => void): void {
    if (this.closed) return;
    if (this.manual) {
      this.queue.push({ due: this.elapsed + Math.max(0, worldDelayMs), seq: this.seq++, run });
      return;
    }
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
    if (this.manual) {
      const tick = () => {
        run();
        this.after(worldIntervalMs, tick);
      };
      this.after(worldIntervalMs, tick);
      return;
    }
    const timer = setInterval(() => !this.closed && run(), Math.max(10, worldIntervalMs / this.timeScale));
    timer.unref?.();
    this.timers.add(timer);
  }

  /** Manual mode: moves world time on by `worldMs`, running every callback that falls due (also ones scheduled meanwhile). */
  advance(worldMs: number): void {
    if (!this.manual) throw new Error("advance() needs a scheduler in manual mode");
    const target = this.elapsed + worldMs;
    for (;;) {
      if (this.closed) return;
      let next = -1;
      for (let i = 0; i < this.queue.length; i++) {
        const q = this.queue[i]!;
        if (
          q.due <= target &&
          (next < 0 ||
            q.due < this.queue[next]!.due ||
            (q.due === this.queue[next]!.due && q.seq < this.queue[next]!.seq))
        )
          next = i;
      }
      if (next < 0) break;
      const [item] = this.queue.splice(next, 1);
      this.elapsed = item!.due;
      item!.run();
    }
    this.elapsed = target;
  }

  pending(): number {
    return this.timers.size + this.queue.length;
  }

  close(): void {
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    this.queue = [];
  }
}
