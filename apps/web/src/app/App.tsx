import { QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { Suspense, useState } from 'react';
import { RouterProvider } from 'react-router-dom';
import { meQueryKey } from '../features/auth/auth-queries.ts';
import { Splash } from '../features/auth/Splash.tsx';
import { PlayerProvider } from '../features/player-ui/player-context.tsx';
import { ApiError } from '../lib/api.ts';
import { createRouter } from './routes.tsx';

function createQueryClient() {
  const client: QueryClient = new QueryClient({
    // A 401 anywhere means the session ended (expired, or logged out in another tab): forget
    // the user, and the login page takes over.
    queryCache: new QueryCache({
      onError: (error) => {
        if (error instanceof ApiError && error.status === 401) client.setQueryData(meQueryKey, null);
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // A 4xx will not change by asking again; network trouble and 5xx might.
        retry: (count, error) =>
          !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      },
    },
  });
  return client;
}

/** Data cache → player (above the router, so playback survives navigation) → pages. */
export function App() {
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(createRouter);
  return (
    <QueryClientProvider client={queryClient}>
      <PlayerProvider>
        <Suspense fallback={<Splash />}>
          <RouterProvider router={router} />
        </Suspense>
      </PlayerProvider>
    </QueryClientProvider>
  );
}
