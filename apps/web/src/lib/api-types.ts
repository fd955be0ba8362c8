import type { ApiPaths } from './api.ts';

/** The JSON body of a 200 answer to GET `P`, from the generated contract. */
type GetJson<P extends keyof ApiPaths> = ApiPaths[P] extends {
  get: { responses: { 200: { content: { 'application/json': infer T } } } };
}
  ? T
  : never;

export type Me = GetJson<'/api/v1/me'>['data'];
export type Locale = Me['locale'];
export type Track = GetJson<'/api/v1/tracks/{id}'>['data'];
export type Album = GetJson<'/api/v1/albums'>['data'][number];
export type AlbumDetail = GetJson<'/api/v1/albums/{id}'>['data'];
export type Artist = GetJson<'/api/v1/artists'>['data'][number];
export type ArtistDetail = GetJson<'/api/v1/artists/{id}'>['data'];
export type Lyrics = GetJson<'/api/v1/tracks/{id}/lyrics'>['data'];
export type SearchResults = GetJson<'/api/v1/search'>['data'];
export type SearchTrack = SearchResults['tracks'][number];
export type SearchAlbum = SearchResults['albums'][number];
export type SearchArtist = SearchResults['artists'][number];
export type SearchUser = SearchResults['users'][number];
export type Suggestion = GetJson<'/api/v1/search/suggest'>['data'][number];
export type PublicUser = GetJson<'/api/v1/users/{id}'>['data'];
export type Playlist = GetJson<'/api/v1/me/playlists'>['data']['created'][number];
export type PlaylistDetail = GetJson<'/api/v1/playlists/{id}'>['data'];
export type PlaylistTagCategory = GetJson<'/api/v1/playlists/tags'>['data']['categories'][number];
export type PlaylistSubscriber = GetJson<'/api/v1/playlists/{id}/subscribers'>['data'][number];
export type CommentPage = GetJson<'/api/v1/comments'>;
export type Comment = CommentPage['data'][number];
export type NotificationPage = GetJson<'/api/v1/notifications'>;
export type Notification = NotificationPage['data'][number];
export type CommentReport = GetJson<'/api/v1/moderation/reports'>['data'][number];
export type ModerationAuditEntry = GetJson<'/api/v1/moderation/audit'>['data'][number];
