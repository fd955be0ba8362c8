import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api.ts';

/** The charts with their top 3 (refreshed by the server every half hour). */
export function useCharts() {
  return useQuery({
    queryKey: ['charts'],
    queryFn: async ({ signal }) => (await unwrap(api.GET('/api/v1/charts', { signal }))).data,
    staleTime: 5 * 60_000,
  });
}

export function useChart(name: string) {
  return useQuery({
    queryKey: ['charts', name],
    queryFn: async ({ signal }) =>
      (await unwrap(api.GET('/api/v1/charts/{name}', { params: { path: { name } }, signal }))).data,
    staleTime: 5 * 60_000,
  });
}
