import type { Clock } from '../../platform/clock.ts';
import type { Logger } from '../../platform/logger.ts';
import type { DemoCatalogRepository, DemoTrack } from './demo-catalog.repository.ts';
import { seedDemoComments, type DemoCommentActions } from './demo-comments.ts';
import { demoListening } from './demo-listening.ts';
import { createRng, type Rng } from './prng.ts';

/**
 * A lived-in community for the demo: the demo users' playlists (public and private, tagged),
 * subscriptions, liked songs and two weeks of listening, so the square, charts, history and
 * profiles have something to show on first start. Everything goes through the same services
 * the API uses, so the demo data obeys every rule real data does.
 */
export interface DemoCommunityDeps {
  catalog: Pick<DemoCatalogRepository, 'tracks'>;
  findUserId(username: string): Promise<string | undefined>;
  createPlaylist(
    ownerId: string,
    input: { name: string; description: string; visibility: 'public' | 'private'; tags: string[] },
  ): Promise<{ id: string }>;
  addTracks(ownerId: string, playlistId: string, trackIds: string[]): Promise<unknown>;
  subscribe(userId: string, playlistId: string): Promise<unknown>;
  like(userId: string, trackId: string): Promise<void>;
  ingest(userId: string, events: readonly unknown[]): Promise<{ accepted: number }>;
  comments?: DemoCommentActions;
  /** after the seed: refresh charts, train recommendations, … */
  afterSeed?: () => Promise<void>;
  clock: Clock;
  logger: Logger;
  makeId: () => string;
}

interface DemoPlaylist {
  key: string;
  name: string;
  description: string;
  visibility: 'public' | 'private';
  tags: string[];
  genres: string[];
}

interface DemoPerson {
  username: string;
  genres: string[];
  playlists: DemoPlaylist[];
  subscribesTo: string[];
}

export const DEMO_COMMUNITY: readonly DemoPerson[] = [
  {
    username: 'demo',
    genres: ['Mandopop', 'Folk'],
    playlists: [
      {
        key: 'late-night',
        name: '深夜单曲循环',
        description: '睡不着的时候，就把这几首歌循环到天亮。',
        visibility: 'public',
        tags: ['mandarin', 'night', 'sad'],
        genres: ['Mandopop', 'Folk'],
      },
      {
        key: 'cafe',
        name: '周末的咖啡馆 | Weekend café',
        description: '爵士、氛围和一点点 Lo-fi。',
        visibility: 'public',
        tags: ['jazz', 'afternoon-tea', 'healing'],
        genres: ['Jazz', 'Ambient', 'Lo-fi Hip Hop'],
      },
      {
        key: 'secret',
        name: '私藏',
        description: '只给自己听。',
        visibility: 'private',
        tags: [],
        genres: ['Mandopop'],
      },
    ],
    subscribesTo: ['morning-run'],
  },
  {
    username: 'alice',
    genres: ['Synthpop', 'Chiptune', 'Lo-fi Hip Hop'],
    playlists: [
      {
        key: 'morning-run',
        name: 'Morning Run',
        description: 'Bright synths for the first kilometre and the last.',
        visibility: 'public',
        tags: ['workout', 'morning', 'electronic'],
        genres: ['Synthpop', 'Chiptune'],
      },
      {
        key: 'study',
        name: 'Deep Focus',
        description: 'Beats and pads to study to.',
        visibility: 'public',
        tags: ['study', 'light-music'],
        genres: ['Lo-fi Hip Hop', 'Ambient'],
      },
    ],
    subscribesTo: ['late-night', 'forest'],
  },
  {
    username: 'musician',
    genres: ['Indie Rock', 'Folk'],
    playlists: [
      {
        key: 'forest',
        name: '林间排练室',
        description: '乐队排练前常听的歌。',
        visibility: 'public',
        tags: ['rock', 'folk', 'mandarin'],
        genres: ['Indie Rock', 'Folk'],
      },
    ],
    subscribesTo: ['late-night', 'cafe'],
  },
  {
    username: 'moderator',
    genres: ['Jazz', 'Ambient'],
    playlists: [],
    subscribesTo: ['late-night', 'cafe', 'morning-run', 'study'],
  },
];

const byGenres = (tracks: readonly DemoTrack[], genres: readonly string[]) =>
  tracks.filter((track) => track.genre !== null && genres.includes(track.genre));

export async function seedDemoCommunity(
  deps: DemoCommunityDeps,
): Promise<{ playlists: number; events: number; comments: number }> {
  const tracks = await deps.catalog.tracks();
  if (tracks.length === 0) return { playlists: 0, events: 0, comments: 0 };
  const rng = createRng(20261122);
  const users = new Map<string, string>();
  for (const person of DEMO_COMMUNITY) {
    const id = await deps.findUserId(person.username);
    if (id) users.set(person.username, id);
  }

  const playlistIds = new Map<string, string>();
  for (const person of DEMO_COMMUNITY) {
    const ownerId = users.get(person.username);
    if (!ownerId) continue;
    for (const playlist of person.playlists) {
      const { id } = await deps.createPlaylist(ownerId, {
        name: playlist.name,
        description: playlist.description,
        visibility: playlist.visibility,
        tags: playlist.tags,
      });
      playlistIds.set(playlist.key, id);
      const pool = byGenres(tracks, playlist.genres);
      const chosen = rng
        .fork(playlist.key)
        .shuffle(pool.length > 0 ? pool : tracks)
        .slice(0, 8);
      await deps.addTracks(
        ownerId,
        id,
        chosen.map((track) => track.id),
      );
    }
  }

  let events = 0;
  for (const person of DEMO_COMMUNITY) {
    const userId = users.get(person.username);
    if (!userId) continue;
    for (const key of person.subscribesTo) {
      const playlistId = playlistIds.get(key);
      if (playlistId) await deps.subscribe(userId, playlistId);
    }
    events += await seedTaste(deps, userId, person, tracks, rng.fork(person.username));
  }
  const withLyrics = [...tracks].sort((a, b) => b.lyricLines - a.lyricLines);
  const comments = deps.comments
    ? await seedDemoComments(deps.comments, withLyrics, playlistIds.get('late-night'))
    : 0;
  await deps.afterSeed?.();
  return { playlists: playlistIds.size, events, comments };
}

async function seedTaste(
  deps: DemoCommunityDeps,
  userId: string,
  person: DemoPerson,
  tracks: readonly DemoTrack[],
  rng: Rng,
): Promise<number> {
  const mine = byGenres(tracks, person.genres);
  const favourites = rng.shuffle(mine.length > 0 ? mine : tracks).slice(0, 8);
  const favouriteIds = new Set(favourites.map((track) => track.id));
  for (const track of favourites.slice(0, 5)) await deps.like(userId, track.id);
  const listening = demoListening(
    { favourites, others: tracks.filter((track) => !favouriteIds.has(track.id)) },
    { rng, now: deps.clock.now(), days: 14, playsPerDay: 6, makeId: deps.makeId },
  );
  let accepted = 0;
  for (let start = 0; start < listening.length; start += 50) {
    accepted += (await deps.ingest(userId, listening.slice(start, start + 50))).accepted;
  }
  return accepted;
}
