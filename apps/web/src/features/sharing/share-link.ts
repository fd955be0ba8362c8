/**
 * Handing a track's link to the user: the device's share sheet where there is one, else the
 * clipboard. Kept apart from the button so it can be tested without a browser.
 */

/** What the button reports to the server: 'system' for the share sheet, 'link' for a copy. */
export type ShareChannel = 'link' | 'system';

/** The parts of `navigator` used here (both absent on some browsers, or outside HTTPS). */
export interface ShareEnvironment {
  share?: (data: ShareData) => Promise<void>;
  clipboard?: Pick<Clipboard, 'writeText'>;
}

/** The song page's absolute address, for someone opening it outside the app. */
export function trackShareUrl(origin: string, trackId: string): string {
  return `${origin}/tracks/${encodeURIComponent(trackId)}`;
}

/** The user closed the share sheet: nothing was shared. */
function isCancel(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/**
 * Shares `url` and says how, or null when the user cancelled the share sheet. A share sheet that
 * refuses (not allowed here, say) falls back to the clipboard; a failed copy throws.
 */
export async function shareLink(
  env: ShareEnvironment,
  data: { url: string; title: string; text: string },
): Promise<ShareChannel | null> {
  if (typeof env.share === 'function') {
    try {
      await env.share(data);
      return 'system';
    } catch (error) {
      if (isCancel(error)) return null;
    }
  }
  if (!env.clipboard) throw new Error('no clipboard');
  await env.clipboard.writeText(data.url);
  return 'link';
}
