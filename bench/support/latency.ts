/** p50/p95/p99/max of samples in milliseconds, as table cells. */
export function percentiles(samples: number[]): Record<string, string | number> {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
  return {
    n: String(sorted.length),
    'p50 ms': at(50),
    'p95 ms': at(95),
    'p99 ms': at(99),
    'max ms': sorted[sorted.length - 1]!,
  };
}

/**
 * Runs `call` once per item after `warmUp` unmeasured calls (cycling through `warm`, default the
 * items themselves) settle the JIT, caches and query plans, timing each measured call.
 */
export async function timeEach<T>(
  items: T[],
  call: (item: T) => Promise<unknown>,
  warmUp = 30,
  warm: T[] = items,
): Promise<number[]> {
  for (let i = 0; i < Math.min(warmUp, warm.length * 100); i++) await call(warm[i % warm.length]!);
  const samples: number[] = [];
  for (const item of items) {
    const started = performance.now();
    await call(item);
    samples.push(performance.now() - started);
  }
  return samples;
}
