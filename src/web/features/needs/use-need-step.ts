import { useMutation, useQueryClient } from '@tanstack/react-query';
import { needKeys, type Need } from '../../api/needs.api.js';

/** One step of a need (take, rate, review…): on success the need and every list of needs are read again. */
export function useNeedStep<A>(step: (arg: A) => Promise<Need>, onDone?: (need: Need) => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: step,
    onSuccess: (need) => {
      client.setQueryData(needKeys.one(need.id), need);
      void client.invalidateQueries({ queryKey: needKeys.all });
      onDone?.(need);
    },
  });
}
