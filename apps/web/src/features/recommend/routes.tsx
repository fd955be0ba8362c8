import { lazy } from 'react';
import type { RouteObject } from 'react-router-dom';

// Each page is its own chunk, loaded when first opened.
const DailyPage = lazy(() => import('./DailyPage.tsx'));
const FmPage = lazy(() => import('./FmPage.tsx'));

/** 每日推荐 and 私人FM (inside the app frame). */
export const recommendRoutes: RouteObject[] = [
  { path: '/daily', element: <DailyPage /> },
  { path: '/fm', element: <FmPage /> },
];
