import type { z } from 'zod';
import { avatarUrl } from '../accounts/account.presenter.ts';
import type { searchResponseSchema, suggestionSchema } from './search.schema.ts';
import type { SearchResults, Suggestion } from './search.service.ts';

export function coverUrl(coverId: string | null): string | null {
  return coverId ? `/api/v1/covers/${coverId}` : null;
}

export function presentResults(results: SearchResults): z.infer<typeof searchResponseSchema> {
  return {
    data: {
      tracks: results.tracks.map((t) => ({
        id: t.id,
        title: t.title,
        artists: t.artists.map((a) => ({ id: a.id, name: a.name })),
        album: t.album ? { id: t.album.id, title: t.album.title } : null,
        durationMs: t.durationMs,
        coverUrl: coverUrl(t.coverId),
      })),
      albums: results.albums.map((a) => ({
        id: a.id,
        title: a.title,
        artist: { id: a.artist.id, name: a.artist.name },
        year: a.year,
        coverUrl: coverUrl(a.coverId),
      })),
      artists: results.artists.map((a) => ({ id: a.id, name: a.name, coverUrl: coverUrl(a.coverId) })),
      users: results.users.map((u) => ({
        id: u.id,
        username: u.username,
        nickname: u.nickname,
        avatarUrl: avatarUrl(u.avatarId),
      })),
    },
    nextCursor: results.nextCursor,
  };
}

export function presentSuggestion(s: Suggestion): z.infer<typeof suggestionSchema> {
  return { kind: s.kind, id: s.id, text: s.text, subtitle: s.subtitle || null };
}
