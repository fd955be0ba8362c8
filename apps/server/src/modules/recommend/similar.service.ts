import { notFound } from '../../http/errors.ts';
import type { ArtistRow, BrowseRepository, TrackRow } from '../library/browse/browse.repository.ts';
import { isUuid } from '../library/browse/cursor.ts';
import type { TrackLoader } from '../library/browse/track-loader.ts';
import type { PlaylistAccessRepository } from '../playlists/playlist-access.repository.ts';
import { playlistNotFound } from '../playlists/playlist-guard.ts';
import type { CandidateRepository } from './candidate.repository.ts';
import { passesHardRules } from './daily-mix.ts';
import { similarItems } from './engine/model.ts';
import type { FeedbackRepository } from './feedback.repository.ts';
import { exclusionMask, historyOfTracks, scoreHistory, topCandidates } from './model-candidates.ts';
import type { ModelStore } from './model-store.ts';
import type { SimilarRepository } from './similar.repository.ts';

const trackNotFound = () => notFound('track_not_found', 'No such track');
const artistNotFound = () => notFound('artist_not_found', 'No such artist');
/** Tracks of a playlist that describe it ("more like this playlist"). */
const PLAYLIST_TRACKS = 500;

/**
 * "More like this": similar tracks on the now-playing page, similar artists on the artist page,
 * tracks like a playlist's. The model answers when it knows the item; a track nobody has played
 * or a model not trained yet falls back to the catalogue (same artists and genre, most played).
 * The viewer's binned tracks and blocked artists never appear.
 */
export class SimilarService {
  constructor(
    private readonly models: Pick<ModelStore, 'current'>,
    private readonly feedback: Pick<FeedbackRepository, 'filters'>,
    private readonly catalog: Pick<BrowseRepository, 'findTrack' | 'findArtist'>,
    private readonly candidates: Pick<CandidateRepository, 'popularWithin' | 'tasteOf'>,
    private readonly similar: SimilarRepository,
    private readonly playlists: Pick<PlaylistAccessRepository, 'findVisible'>,
    private readonly loader: Pick<TrackLoader, 'byIds'>,
  ) {}

  async tracks(viewerId: string, trackId: string, limit: number): Promise<TrackRow[]> {
    const track = isUuid(trackId) ? await this.catalog.findTrack(trackId) : undefined;
    if (!track) throw trackNotFound();
    const [loaded, filters] = await Promise.all([this.models.current(), this.feedback.filters(viewerId)]);
    const ids: string[] = [];
    const item = loaded?.catalog.itemOf.get(trackId);
    if (loaded && item !== undefined) {
      const mask = exclusionMask(loaded, filters, null);
      const excluded: number[] = [];
      mask.forEach((flag, i) => flag && excluded.push(i));
      const found = similarItems(loaded.model, item, limit, excluded);
      ids.push(...Array.from(found.items, (i) => loaded.catalog.trackId(i)));
    }
    if (ids.length < limit) {
      // Its artists and genre (its album's when it has none), as the catalogue queries read them.
      const taste = await this.candidates.tasteOf([trackId], 10, 1);
      const more = await this.candidates.popularWithin(taste, limit * 2, [trackId, ...ids]);
      ids.push(...more.filter((c) => passesHardRules(c, filters)).map((c) => c.trackId));
    }
    return this.load(ids.slice(0, limit));
  }

  async artists(viewerId: string, artistId: string, limit: number): Promise<ArtistRow[]> {
    const artist = isUuid(artistId) ? await this.catalog.findArtist(artistId) : undefined;
    if (!artist) throw artistNotFound();
    const [loaded, filters] = await Promise.all([this.models.current(), this.feedback.filters(viewerId)]);
    const skip = (id: string) => id === artistId || filters.blockedArtists.has(id);
    let ids: string[] = [];
    const index = loaded?.catalog.artistOf.get(artistId);
    const vectors = loaded && index !== undefined ? loaded.artistVectors() : null;
    const own = vectors && index !== undefined ? vectors[index] : null;
    if (loaded && vectors && own) {
      const scored = vectors.flatMap((vector, i) => {
        const id = loaded.catalog.snapshot.artistIds[i]!;
        if (!vector || skip(id)) return [];
        let dot = 0;
        for (let a = 0; a < own.length; a++) dot += own[a]! * vector[a]!;
        return dot > 0 ? [{ id, dot }] : [];
      });
      ids = scored.sort((a, b) => b.dot - a.dot || (a.id < b.id ? -1 : 1)).map((s) => s.id);
    }
    if (ids.length < limit) {
      const byGenre = await this.similar.artistsSharingGenres(artistId, limit * 2);
      ids.push(...byGenre.filter((id) => !skip(id) && !ids.includes(id)));
    }
    const rows = await Promise.all(ids.slice(0, limit).map((id) => this.catalog.findArtist(id)));
    return rows.filter((row): row is ArtistRow => row !== undefined);
  }

  /** Tracks like the playlist's that are not in it; a playlist the viewer may not see is a 404. */
  async playlist(viewerId: string, playlistId: string, limit: number): Promise<TrackRow[]> {
    const playlist = isUuid(playlistId) ? await this.playlists.findVisible(viewerId, playlistId) : undefined;
    if (!playlist) throw playlistNotFound();
    const [loaded, filters, inList] = await Promise.all([
      this.models.current(),
      this.feedback.filters(viewerId),
      this.similar.playlistTrackIds(playlistId, PLAYLIST_TRACKS),
    ]);
    const ids: string[] = [];
    if (loaded) {
      const scored = scoreHistory(loaded, historyOfTracks(loaded, inList));
      if (scored.positives.length > 0) {
        const mask = exclusionMask(loaded, filters, null, inList);
        ids.push(...topCandidates(scored, mask, limit).map((c) => c.trackId));
      }
    }
    if (ids.length < limit && inList.length > 0) {
      const taste = await this.candidates.tasteOf(inList, 5, 3);
      const more = await this.candidates.popularWithin(taste, limit * 2, [...inList, ...ids]);
      ids.push(...more.filter((c) => passesHardRules(c, filters)).map((c) => c.trackId));
    }
    return this.load(ids.slice(0, limit));
  }

  private async load(ids: string[]): Promise<TrackRow[]> {
    const rows = await this.loader.byIds(ids);
    return ids.flatMap((id) => rows.get(id) ?? []);
  }
}
