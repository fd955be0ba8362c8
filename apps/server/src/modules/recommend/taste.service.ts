import { badRequest, notFound } from '../../http/errors.ts';
import type { FmMode } from '../../db/tables/recommend.ts';
import { requireTrack } from '../library/browse/require-track.ts';
import type { Clock } from '../../platform/clock.ts';
import { isUuid } from '../library/browse/cursor.ts';
import type { DailyService } from './daily.service.ts';
import type {
  ArtistChoice,
  BlockedArtist,
  GenreCount,
  TasteProfile,
  TasteRepository,
} from './taste.repository.ts';

export const ONBOARDING_GENRES = 40;
export const ONBOARDING_ARTISTS = 30;

export interface Onboarding {
  genres: GenreCount[];
  artists: ArtistChoice[];
}

export interface TasteView extends TasteProfile {
  genres: string[];
  artists: { id: string; name: string }[];
}

/** Absent fields stay as they are. */
export interface TasteInput {
  genres?: string[];
  artistIds?: string[];
  fmMode?: FmMode;
}

const artistNotFound = () => notFound('artist_not_found', 'No such artist');

/**
 * The user's say over their recommendations: what to start from (onboarding), starting over
 * (reset), the FM's bin and mode, and artists never to be recommended.
 */
export class TasteService {
  constructor(
    private readonly taste: TasteRepository,
    private readonly daily: Pick<DailyService, 'discard'>,
    private readonly clock: Clock,
  ) {}

  async onboarding(): Promise<Onboarding> {
    const [genres, artists] = await Promise.all([
      this.taste.genres(ONBOARDING_GENRES),
      this.taste.artistsToChoose(ONBOARDING_ARTISTS),
    ]);
    return { genres, artists };
  }

  async get(userId: string): Promise<TasteView> {
    const [profile, seeds] = await Promise.all([this.taste.profile(userId), this.taste.seeds(userId)]);
    const names = new Map((await this.taste.artistNames(seeds.artistIds)).map((a) => [a.id, a.name]));
    return {
      ...profile,
      genres: seeds.genres,
      artists: seeds.artistIds.flatMap((id) => (names.has(id) ? [{ id, name: names.get(id)! }] : [])),
    };
  }

  /**
   * Onboarding choices (each list replaces the earlier one) and the FM mode. New choices mark the
   * user onboarded, and a list made before them from popularity alone is remade.
   */
  async set(userId: string, input: TasteInput): Promise<TasteView> {
    let seeds: { genres: string[]; artistIds: string[] } | null = null;
    if (input.genres !== undefined || input.artistIds !== undefined) {
      const current = await this.taste.seeds(userId);
      const genres = input.genres?.map((g) => g.trim().toLowerCase()).filter((g) => g.length > 0);
      const artistIds = input.artistIds ? [...new Set(input.artistIds)] : current.artistIds;
      const valid = await this.taste.existingArtists(artistIds.filter(isUuid));
      const unknown = artistIds.filter((id) => !valid.has(id));
      if (unknown.length > 0) throw badRequest('unknown_artist', `No such artist: ${unknown.join(', ')}`);
      seeds = { genres: genres ? [...new Set(genres)] : current.genres, artistIds };
    }
    await this.taste.saveTaste(userId, seeds, input.fmMode, this.clock.now());
    if (seeds) await this.daily.discard(userId, { onlyColdStart: true });
    return this.get(userId);
  }

  /**
   * Starts the taste profile over: feedback before now no longer shapes recommendations (it is
   * kept: history, likes and the bin stay), onboarding choices are forgotten, and today's list
   * is discarded so the next read makes a fresh one.
   */
  async reset(userId: string): Promise<TasteView> {
    await this.taste.reset(userId, this.clock.now());
    await this.daily.discard(userId);
    return this.get(userId);
  }

  /** Private FM's bin; binning twice is binning once. */
  async trash(userId: string, trackId: string): Promise<void> {
    await requireTrack(this.taste, trackId);
    await this.taste.trash(userId, trackId, this.clock.now());
  }

  async block(userId: string, artistId: string): Promise<void> {
    if (!isUuid(artistId) || (await this.taste.existingArtists([artistId])).size === 0)
      throw artistNotFound();
    await this.taste.block(userId, artistId, this.clock.now());
  }

  async unblock(userId: string, artistId: string): Promise<void> {
    if (!isUuid(artistId)) throw artistNotFound();
    await this.taste.unblock(userId, artistId);
  }

  blocked(userId: string): Promise<BlockedArtist[]> {
    return this.taste.blocked(userId);
  }
}
