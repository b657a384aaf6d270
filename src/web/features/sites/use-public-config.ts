import { useQuery } from '@tanstack/react-query';
import { getPublicConfig } from '../../api/config.api.js';

/** The installation's public configuration (tile server, time zone), asked once per visit. */
export function usePublicConfig() {
  return useQuery({ queryKey: ['config'], queryFn: getPublicConfig, staleTime: Infinity, retry: 1 });
}
