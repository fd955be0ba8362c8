import type { RouteObject } from 'react-router-dom';

/** Pages of playlists, likes, history, charts and user profiles (inside the app frame). */
export const playlistRoutes: RouteObject[] = [];
