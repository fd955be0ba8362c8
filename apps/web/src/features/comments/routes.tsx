import { lazy } from 'react';
import type { RouteObject } from 'react-router-dom';

// Each page is its own chunk, loaded when first opened.
const TrackPage = lazy(() => import('../tracks/TrackPage.tsx'));
const NotificationsPage = lazy(() => import('../notifications/NotificationsPage.tsx'));
const ModerationPage = lazy(() => import('../moderation/ModerationPage.tsx'));

/** Pages of songs with their comments, notifications and moderation (inside the app frame). */
export const commentRoutes: RouteObject[] = [
  { path: '/tracks/:id', element: <TrackPage /> },
  { path: '/notifications', element: <NotificationsPage /> },
  { path: '/moderation', element: <ModerationPage /> },
];
