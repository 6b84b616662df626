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
