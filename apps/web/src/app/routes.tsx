import { lazy } from 'react';
import { createBrowserRouter } from 'react-router-dom';
import { GuestOnly, RequireAuth } from '../features/auth/RequireAuth.tsx';
import { commentRoutes } from '../features/comments/routes.tsx';
import { playlistRoutes } from '../features/playlists/routes.tsx';
import { recommendRoutes } from '../features/recommend/routes.tsx';
import { Layout } from './Layout.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';

// Each page is its own chunk: the first load carries only the frame and the player.
const HomePage = lazy(() => import('../features/browse/HomePage.tsx'));
const AlbumsPage = lazy(() => import('../features/browse/AlbumsPage.tsx'));
const AlbumPage = lazy(() => import('../features/browse/AlbumPage.tsx'));
const ArtistsPage = lazy(() => import('../features/browse/ArtistsPage.tsx'));
const ArtistPage = lazy(() => import('../features/browse/ArtistPage.tsx'));
const SongsPage = lazy(() => import('../features/browse/SongsPage.tsx'));
const SearchPage = lazy(() => import('../features/search/SearchPage.tsx'));
const NowPlayingPage = lazy(() => import('../features/now-playing/NowPlayingPage.tsx'));
const ProfilePage = lazy(() => import('../features/profile/ProfilePage.tsx'));
const LoginPage = lazy(() => import('../features/auth/LoginPage.tsx'));
const RegisterPage = lazy(() => import('../features/auth/RegisterPage.tsx'));

export function createRouter() {
  return createBrowserRouter([
    {
      element: <GuestOnly />,
      children: [
        { path: '/login', element: <LoginPage /> },
        { path: '/register', element: <RegisterPage /> },
      ],
    },
    {
      element: <RequireAuth />,
      children: [
        {
          element: <Layout />,
          children: [
            { path: '/', element: <HomePage /> },
            { path: '/albums', element: <AlbumsPage /> },
            { path: '/albums/:id', element: <AlbumPage /> },
            { path: '/artists', element: <ArtistsPage /> },
            { path: '/artists/:id', element: <ArtistPage /> },
            { path: '/songs', element: <SongsPage /> },
            { path: '/search', element: <SearchPage /> },
            { path: '/now-playing', element: <NowPlayingPage /> },
            { path: '/me', element: <ProfilePage /> },
            ...playlistRoutes,
            ...commentRoutes,
            ...recommendRoutes,
            { path: '*', element: <NotFoundPage /> },
          ],
        },
      ],
    },
  ]);
}
