import { api, unwrap } from '../../lib/api.ts';
import { toPlayerTrack } from '../browse/to-player-track.ts';
import { FM_SOURCE, type FmApi } from './fm-session.ts';

/** The FM session's server: batches from GET /recommend/fm, the bin at POST …/trash. */
export const fmApi: FmApi = {
  async next(count, mode) {
    const { data } = await unwrap(
      api.GET('/api/v1/recommend/fm', { params: { query: { count, ...(mode ? { mode } : {}) } } }),
    );
    return {
      mode: data.mode,
      items: data.tracks.map(({ track, reason }) => ({ track: toPlayerTrack(track, FM_SOURCE), reason })),
    };
  },
  async trash(trackId) {
    await unwrap(api.POST('/api/v1/recommend/fm/{trackId}/trash', { params: { path: { trackId } } }));
  },
};
