import type { RouteObject } from 'react-router-dom';

/** Pages of songs with their comments, notifications and moderation (inside the app frame). */
export const commentRoutes: RouteObject[] = [];
