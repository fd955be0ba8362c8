/** The thumbnail edges the server renders covers at. */
const COVER_SIZES = [64, 128, 256, 512, 1024] as const;

/** The cover URL at the smallest server size that stays sharp at `displayPx` CSS pixels. */
export function coverSrc(url: string | null | undefined, displayPx: number, pixelRatio = 1): string | null {
  if (!url) return null;
  const needed = displayPx * Math.min(Math.max(pixelRatio, 1), 2);
  const size = COVER_SIZES.find((edge) => edge >= needed) ?? 1024;
  return `${url}${url.includes('?') ? '&' : '?'}size=${size}`;
}

export function deviceCoverSrc(url: string | null | undefined, displayPx: number): string | null {
  return coverSrc(url, displayPx, typeof window === 'undefined' ? 1 : window.devicePixelRatio);
}
