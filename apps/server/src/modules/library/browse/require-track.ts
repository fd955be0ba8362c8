import { notFound } from '../../../http/errors.ts';
import { isUuid } from './cursor.ts';

/**
 * 404 `track_not_found` unless `trackId` names a track of the library. A malformed id is not a
 * track either; checking it first keeps it away from the database's uuid cast (a 500).
 */
export async function requireTrack(
  catalog: { trackExists(trackId: string): Promise<boolean> },
  trackId: string,
): Promise<void> {
  if (!isUuid(trackId) || !(await catalog.trackExists(trackId))) {
    throw notFound('track_not_found', 'No such track');
  }
}
