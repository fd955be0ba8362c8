import type { AnnotationItemType, SourceType } from '../../db/tables/listening.ts';
import { compare } from './playback-merge.ts';

/**
 * The increments a batch makes to the aggregates kept beside the log. Each list is summed per
 * key (one row per key, as a multi-row upsert needs) and sorted, so concurrent batches lock
 * shared rows in the same order and cannot deadlock.
 */

/** A playback first seen in this batch: it enters the listening history. */
export interface StartedPlayback {
  userId: string;
  trackId: string;
  startedAt: Date;
  sourceType: SourceType;
  sourceId: string | null;
}

/** A playback that passed the counting rule in this batch. */
export interface CountedPlay {
  playbackId: string;
  userId: string;
  trackId: string;
  startedAt: Date;
  repeat: boolean;
  sourceType: SourceType;
  sourceId: string | null;
}

export interface AnnotationDelta {
  userId: string;
  itemType: AnnotationItemType;
  itemId: string;
  plays: number;
  /** null: no new history entry for this item */
  lastPlayedAt: Date | null;
}

export interface TrackCountDelta {
  trackId: string;
  plays: number;
  lastPlayedAt: Date;
}

export interface DailyDelta {
  /** UTC day of listening, YYYY-MM-DD */
  day: string;
  trackId: string;
  plays: number;
}

const later = (a: Date | null, b: Date | null) => (a === null ? b : b === null || a > b ? a : b);

/**
 * History and per-user counts. A started playback touches its track and, when played from an
 * album or playlist page, that album or playlist ("recently played" lists what was pressed
 * play on, like the source tabs of NetEase's 最近播放). A counted play adds one to the track.
 */
export function annotationDeltas(
  started: readonly StartedPlayback[],
  counted: readonly CountedPlay[],
): AnnotationDelta[] {
  const deltas = new Map<string, AnnotationDelta>();
  const add = (
    userId: string,
    itemType: AnnotationItemType,
    itemId: string,
    plays: number,
    at: Date | null,
  ) => {
    const key = `${userId}\u0000${itemType}\u0000${itemId}`;
    const delta = deltas.get(key);
    if (delta) {
      delta.plays += plays;
      delta.lastPlayedAt = later(delta.lastPlayedAt, at);
    } else deltas.set(key, { userId, itemType, itemId, plays, lastPlayedAt: at });
  };
  for (const play of started) {
    add(play.userId, 'track', play.trackId, 0, play.startedAt);
    if (play.sourceId !== null && (play.sourceType === 'album' || play.sourceType === 'playlist')) {
      add(play.userId, play.sourceType, play.sourceId, 0, play.startedAt);
    }
  }
  for (const play of counted) add(play.userId, 'track', play.trackId, 1, null);
  return [...deltas.values()].sort(
    (a, b) => compare(a.userId, b.userId) || compare(a.itemType, b.itemType) || compare(a.itemId, b.itemId),
  );
}

/** Counted plays per track, everyone's. */
export function trackCountDeltas(counted: readonly CountedPlay[]): TrackCountDelta[] {
  const deltas = new Map<string, TrackCountDelta>();
  for (const play of counted) {
    const delta = deltas.get(play.trackId);
    if (delta) {
      delta.plays++;
      if (play.startedAt > delta.lastPlayedAt) delta.lastPlayedAt = play.startedAt;
    } else deltas.set(play.trackId, { trackId: play.trackId, plays: 1, lastPlayedAt: play.startedAt });
  }
  return [...deltas.values()].sort((a, b) => compare(a.trackId, b.trackId));
}

/**
 * Chart plays per track and UTC day of listening. Single-track-loop replays are left out:
 * one listener looping a song must not move a public chart (their own counts keep them).
 */
export function dailyDeltas(counted: readonly CountedPlay[]): DailyDelta[] {
  const deltas = new Map<string, DailyDelta>();
  for (const play of counted) {
    if (play.repeat) continue;
    const day = play.startedAt.toISOString().slice(0, 10);
    const key = `${day}\u0000${play.trackId}`;
    const delta = deltas.get(key);
    if (delta) delta.plays++;
    else deltas.set(key, { day, trackId: play.trackId, plays: 1 });
  }
  return [...deltas.values()].sort((a, b) => compare(a.day, b.day) || compare(a.trackId, b.trackId));
}
