import { lazy } from 'react';
import type { RouteObject } from 'react-router-dom';

// Each page is its own chunk, loaded when first opened.
const PlaylistSquarePage = lazy(() => import('./PlaylistSquarePage.tsx'));
const PlaylistPage = lazy(() => import('./PlaylistPage.tsx'));
const SubscribersPage = lazy(() => import('./SubscribersPage.tsx'));
const LikedSongsPage = lazy(() => import('../likes/LikedSongsPage.tsx'));
const HistoryPage = lazy(() => import('../history/HistoryPage.tsx'));
const ChartsPage = lazy(() => import('../charts/ChartsPage.tsx'));
const ChartPage = lazy(() => import('../charts/ChartPage.tsx'));
const UserPage = lazy(() => import('../users/UserPage.tsx'));

/** Pages of playlists, likes, history, charts and user profiles (inside the app frame). */
export const playlistRoutes: RouteObject[] = [
  { path: '/playlists', element: <PlaylistSquarePage /> },
  { path: '/playlists/:id', element: <PlaylistPage /> },
  { path: '/playlists/:id/subscribers', element: <SubscribersPage /> },
  { path: '/likes', element: <LikedSongsPage /> },
  { path: '/history', element: <HistoryPage /> },
  { path: '/charts', element: <ChartsPage /> },
  { path: '/charts/:name', element: <ChartPage /> },
  { path: '/users/:id', element: <UserPage /> },
];
