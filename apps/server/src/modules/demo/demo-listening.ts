import type { Rng } from './prng.ts';

/** A listening event as the player reports it (the POST /listening/events contract). */
export interface DemoListeningEvent {
  id: string;
  playbackId: string;
  type: 'start' | 'end';
  trackId: string;
  at: string;
  positionMs: number;
  playedMs: number;
  endReason?: 'finished' | 'skipped';
  repeat: boolean;
  source: { type: 'library' | 'playlist' | 'album'; id?: string };
  client: string;
}

export interface Taste {
  /** tracks this listener loves: played often, finished, sometimes looped */
  favourites: readonly { id: string; durationMs: number }[];
  /** everything else they come across now and then, often skipped */
  others: readonly { id: string; durationMs: number }[];
}

/**
 * A plausible fortnight of listening for one demo user, as start/end event pairs: favourites
 * finished and sometimes looped, other tracks mostly skipped early. Times lie within the last
 * `days` days (the ingest accepts up to 30 days back), seeded so every install looks alike.
 */
export function demoListening(
  taste: Taste,
  options: { rng: Rng; now: Date; days: number; playsPerDay: number; makeId: () => string },
): DemoListeningEvent[] {
  const { rng, now, days, playsPerDay, makeId } = options;
  const events: DemoListeningEvent[] = [];
  for (let day = days; day >= 1; day--) {
    let at = now.getTime() - day * 86_400_000 + rng.int(8, 20) * 3_600_000;
    for (let play = 0; play < playsPerDay; play++) {
      const loved = taste.favourites.length > 0 && (taste.others.length === 0 || rng.chance(0.7));
      const track = rng.pick(loved ? taste.favourites : taste.others);
      const finished = loved ? rng.chance(0.9) : rng.chance(0.25);
      const playedMs = finished ? track.durationMs : Math.min(track.durationMs, rng.int(5, 40) * 1000);
      const loops = loved && rng.chance(0.2) ? 2 : 1;
      for (let loop = 0; loop < loops; loop++) {
        const playbackId = makeId();
        const base = { playbackId, trackId: track.id, repeat: loop > 0, client: 'demo' };
        const source = { type: 'library' as const };
        events.push({
          ...base,
          id: makeId(),
          type: 'start',
          at: iso(at),
          positionMs: 0,
          playedMs: 0,
          source,
        });
        at += playedMs;
        events.push({
          ...base,
          id: makeId(),
          type: 'end',
          at: iso(at),
          positionMs: playedMs,
          playedMs,
          endReason: finished ? 'finished' : 'skipped',
          source,
        });
        at += 2_000;
      }
    }
  }
  return events;
}

const iso = (ms: number) => new Date(ms).toISOString();
