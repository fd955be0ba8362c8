/**
 * Runs one job per key at a time: callers asking for a key already being produced share the
 * running promise instead of starting a second ffmpeg or sharp on the same output.
 */
export class SingleFlight<T> {
  private readonly running = new Map<string, Promise<T>>();

  run(key: string, job: () => Promise<T>): Promise<T> {
    const existing = this.running.get(key);
    if (existing) return existing;
    const started = (async () => {
      try {
        return await job();
      } finally {
        this.running.delete(key);
      }
    })();
    this.running.set(key, started);
    return started;
  }

  get size(): number {
    return this.running.size;
  }
}
