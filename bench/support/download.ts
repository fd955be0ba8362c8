import http from 'node:http';

/** Downloads a URL `total` times with `concurrency` in flight; returns MB/s over the whole run. */
export async function downloadThroughput(
  url: string,
  headers: Record<string, string>,
  total: number,
  concurrency: number,
): Promise<{ mbPerSecond: number; bytes: number }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  let bytes = 0;
  let started = 0;
  const one = () =>
    new Promise<void>((resolve, reject) => {
      http
        .get(url, { headers, agent }, (response) => {
          if (response.statusCode !== 200) reject(new Error(`${url}: ${response.statusCode}`));
          response.on('data', (chunk: Buffer) => {
            bytes += chunk.length;
          });
          response.on('end', resolve);
          response.on('error', reject);
        })
        .on('error', reject);
    });
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (started < total) {
        started += 1;
        await one();
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  agent.destroy();
  return { mbPerSecond: bytes / 1024 / 1024 / seconds, bytes };
}
