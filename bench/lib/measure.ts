export interface LatencyStats {
  n: number;
  p50: number;
  p95: number;
  mean: number;
}

/** Sequential requests after a warm-up: latency as one user sees it, not throughput. */
export async function measureLatency(fn: () => Promise<void>, n: number, warmup = Math.ceil(n / 10)): Promise<LatencyStats> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!;
  return { n, p50: at(0.5), p95: at(0.95), mean: samples.reduce((a, b) => a + b, 0) / n };
}

export function formatStats(label: string, s: LatencyStats): string {
  return `${label.padEnd(44)} p50 ${s.p50.toFixed(3).padStart(8)} ms   p95 ${s.p95.toFixed(3).padStart(8)} ms   (n=${s.n})`;
}

/** One GET, read to the end (a non-200 answer aborts the benchmark: a fast error is no result). */
async function getOnce(url: string, headers: Record<string, string>): Promise<void> {
  const r = await fetch(url, { headers });
  if (r.status !== 200) throw new Error(`${url} answered ${r.status}`);
  await r.arrayBuffer();
}

/** Latency of GET `url`. */
export function measureGet(url: string, headers: Record<string, string>, n: number): Promise<LatencyStats> {
  return measureLatency(() => getOnce(url, headers), n);
}

type Get = { url: string; headers?: Record<string, string> };

/**
 * Latency of two GETs measured in alternating blocks (20 of ours, 20 of the baseline, ...).
 * Blocks rather than single turns, so the garbage one side leaves is mostly collected in its
 * own block; alternating, so a burst of load on a shared machine slows both alike instead
 * of skewing the ratio one way.
 */
export async function measureGetPair(ours: Get, base: Get, n: number, block = 20): Promise<[LatencyStats, LatencyStats]> {
  const a: number[] = [];
  const b: number[] = [];
  const run = async (get: Get, count: number, into: number[] | null) => {
    for (let i = 0; i < count; i++) {
      const t0 = performance.now();
      await getOnce(get.url, get.headers ?? {});
      into?.push(performance.now() - t0);
    }
  };
  await run(ours, block, null);
  await run(base, block, null);
  for (let done = 0; done < n; done += block) {
    const count = Math.min(block, n - done);
    await run(ours, count, a);
    await run(base, count, b);
  }
  return [statsOf(a), statsOf(b)];
}

/** The two lines and the ratio every "ours vs baseline" benchmark prints. */
export function printComparison(title: string, ours: [string, LatencyStats], base: [string, LatencyStats], note = ''): void {
  console.log(`\n${title}`);
  console.log(formatStats(ours[0], ours[1]));
  console.log(formatStats(base[0], base[1]));
  console.log(`ratio p50 ${(ours[1].p50 / base[1].p50).toFixed(2)}x, p95 ${(ours[1].p95 / base[1].p95).toFixed(2)}x${note}`);
}

/** Stats of timed runs that each need their own setup (an import into a fresh account, say). */
export function statsOf(samples: number[]): LatencyStats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { n: sorted.length, p50: at(0.5), p95: at(0.95), mean: sorted.reduce((a, b) => a + b, 0) / sorted.length };
}
