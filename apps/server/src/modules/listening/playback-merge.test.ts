import { describe, expect, it } from 'vitest';
import type { ListeningEvent } from './listening-event.ts';
import { annotationDeltas, dailyDeltas, trackCountDeltas, type CountedPlay } from './play-aggregates.ts';
import { mergePlaybacks } from './playback-merge.ts';

const TRACK = 'bbbbbbbb-0000-4000-8000-000000000000';
const ALBUM = 'cccccccc-0000-4000-8000-000000000000';
const USER = 'dddddddd-0000-4000-8000-000000000000';
const at = (s: number) => new Date(Date.UTC(2026, 10, 23, 10, 0, s));

function event(playbackId: string, overrides: Partial<ListeningEvent>): ListeningEvent {
  return {
    id: `${playbackId}-${Math.random()}`,
    playbackId,
    type: 'progress',
    trackId: TRACK,
    at: at(0),
    positionMs: 0,
    playedMs: 0,
    endReason: null,
    repeat: false,
    sourceType: 'album',
    sourceId: ALBUM,
    client: 'web',
    ...overrides,
  };
}

describe('merging the events of a playback', () => {
  it('takes the start, the most heard and the end, whatever the order they came in', () => {
    const [delta] = mergePlaybacks(
      [
        event('p1', {
          type: 'end',
          at: at(200),
          playedMs: 150_000,
          positionMs: 190_000,
          endReason: 'skipped',
        }),
        event('p1', { type: 'progress', at: at(100), playedMs: 90_000 }),
        event('p1', { type: 'start', at: at(10), sourceType: 'search', sourceId: null }),
      ],
      new Map([[TRACK, 200_000]]),
    );
    expect(delta).toEqual({
      playbackId: 'p1',
      trackId: TRACK,
      startedAt: at(10),
      lastEventAt: at(200),
      playedMs: 150_000,
      countAfterMs: 100_000,
      endReason: 'skipped',
      endPositionMs: 190_000,
      endedAt: at(200),
      repeat: false,
      sourceType: 'search',
      sourceId: null,
      client: 'web',
    });
  });

  it('estimates the start of a playback whose start event has not arrived', () => {
    const [delta] = mergePlaybacks(
      [event('p1', { at: at(100), playedMs: 60_000 })],
      new Map([[TRACK, 200_000]]),
    );
    expect(delta?.startedAt).toEqual(at(40));
  });

  it('gives one delta per playback, in playback id order', () => {
    const deltas = mergePlaybacks(
      [event('p2', {}), event('p1', {}), event('p2', { repeat: true })],
      new Map([[TRACK, 200_000]]),
    );
    expect(deltas.map((d) => [d.playbackId, d.repeat])).toEqual([
      ['p1', false],
      ['p2', true],
    ]);
  });
});

describe('the aggregates a batch adds to', () => {
  const counted = (trackId: string, startedAt: Date, repeat = false): CountedPlay => ({
    playbackId: `${trackId}-${startedAt.getTime()}`,
    userId: USER,
    trackId,
    startedAt,
    repeat,
    sourceType: 'fm',
    sourceId: null,
  });

  it('adds started playbacks to the history of their track and album, and counted plays to the track', () => {
    const deltas = annotationDeltas(
      [
        { userId: USER, trackId: TRACK, startedAt: at(1), sourceType: 'album', sourceId: ALBUM },
        { userId: USER, trackId: TRACK, startedAt: at(5), sourceType: 'search', sourceId: null },
      ],
      [counted(TRACK, at(1)), counted(TRACK, at(5))],
    );
    expect(deltas).toEqual([
      { userId: USER, itemType: 'album', itemId: ALBUM, plays: 0, lastPlayedAt: at(1) },
      { userId: USER, itemType: 'track', itemId: TRACK, plays: 2, lastPlayedAt: at(5) },
    ]);
  });

  it('sums chart plays per UTC day and track, leaving loop replays out', () => {
    const late = new Date('2026-11-23T23:59:00.000Z');
    const next = new Date('2026-11-24T00:01:00.000Z');
    expect(dailyDeltas([counted(TRACK, late), counted(TRACK, late, true), counted(TRACK, next)])).toEqual([
      { day: '2026-11-23', trackId: TRACK, plays: 1 },
      { day: '2026-11-24', trackId: TRACK, plays: 1 },
    ]);
    expect(
      trackCountDeltas([counted(TRACK, late), counted(TRACK, late, true), counted(TRACK, next)]),
    ).toEqual([{ trackId: TRACK, plays: 3, lastPlayedAt: next }]);
  });
});
