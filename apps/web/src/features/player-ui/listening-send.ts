import { api } from '../../lib/api.ts';
import type { SendOutcome } from '../../player/listening-outbox.ts';
import type { ListeningEvent } from '../../player/listening-tracker.ts';

/**
 * What an answer means for a batch of listening events: delivered (2xx; events the server
 * rejected as invalid would be rejected again, so they count as delivered), worth another try
 * later (no answer, 429, 5xx), or never deliverable (any other 4xx, e.g. logged out).
 */
export function outcomeOf(status: number | null): SendOutcome {
  if (status === null) return 'retry';
  if (status >= 200 && status < 300) return 'sent';
  if (status === 429 || status >= 500) return 'retry';
  return 'drop';
}

/** Posts one batch; `keepalive` lets it outlive the page (sent while the tab closes). */
export async function sendListeningEvents(
  events: ListeningEvent[],
  options: { keepalive?: boolean } = {},
): Promise<SendOutcome> {
  try {
    const { response } = await api.POST('/api/v1/listening/events', {
      body: { events },
      keepalive: options.keepalive ?? false,
    });
    return outcomeOf(response.status);
  } catch {
    return outcomeOf(null);
  }
}
