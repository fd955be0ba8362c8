import type { PlaylistReadRepository, PlaylistRow } from '../playlists/playlist-read.repository.ts';
import type { FeedbackRepository } from './feedback.repository.ts';
import { scoreUser } from './model-candidates.ts';
import type { ModelStore } from './model-store.ts';
import type { PlaylistCandidate, SimilarRepository } from './similar.repository.ts';

/** The hottest public playlists considered, and the tracks read of each. */
const CANDIDATES = 300;
const TRACKS_EACH = 100;
/** Weight of heat against taste: enough to order playlists the model cannot tell apart. */
const HEAT_WEIGHT = 0.05;

/**
 * Recommended playlists on the home page: public playlists by others, ranked by how well their
 * tracks match the user's taste (the mean of the user's normalised scores over the tracks the
 * model knows), heat breaking ties. Without a taste to match (new user, no model) they are
 * simply the hottest. Private playlists never qualify; nor do the user's own or collected ones.
 */
export class PlaylistRecsService {
  constructor(
    private readonly similar: Pick<SimilarRepository, 'playlistCandidates'>,
    private readonly feedback: Pick<FeedbackRepository, 'forUser'>,
    private readonly models: Pick<ModelStore, 'current'>,
    private readonly playlists: Pick<PlaylistReadRepository, 'find'>,
  ) {}

  async recommend(viewerId: string, limit: number): Promise<PlaylistRow[]> {
    const [candidates, feedback, loaded] = await Promise.all([
      this.similar.playlistCandidates(viewerId, CANDIDATES, TRACKS_EACH),
      this.feedback.forUser(viewerId),
      this.models.current(),
    ]);
    const scored = loaded ? scoreUser(loaded, feedback) : null;
    let ranked: PlaylistCandidate[] = candidates;
    if (loaded && scored) {
      let max = 0;
      for (const s of scored.scores) if (s > max) max = s;
      const scale = max > 0 ? 1 / max : 0;
      const taste = (playlist: PlaylistCandidate) => {
        let sum = 0;
        let n = 0;
        for (const trackId of playlist.trackIds) {
          const item = loaded.catalog.itemOf.get(trackId);
          if (item === undefined) continue;
          sum += scored.scores[item]! * scale;
          n++;
        }
        return n > 0 ? sum / n : 0;
      };
      const heat = (index: number) => HEAT_WEIGHT * (1 - index / Math.max(1, candidates.length));
      ranked = candidates
        .map((playlist, index) => ({ playlist, value: taste(playlist) + heat(index) }))
        .sort((a, b) => b.value - a.value)
        .map((entry) => entry.playlist);
    }
    const rows = await Promise.all(ranked.slice(0, limit).map((p) => this.playlists.find(p.id, viewerId)));
    // Re-checked on the row: a list made private since the candidates were read stays out.
    return rows.filter((row): row is PlaylistRow => row !== undefined && row.visibility === 'public');
  }
}
