import { useQuery } from '@tanstack/react-query';
import { checkinCode, checkinKeys } from '../../api/checkin.api.js';
import { refreshDelay } from '../../components/qr-code.js';

/** The shift's rotating check-in code, asked for again just before it expires. */
export function useCheckinCode(shiftId: string) {
  return useQuery({
    queryKey: checkinKeys.code(shiftId),
    queryFn: () => checkinCode(shiftId),
    staleTime: 0,
    refetchInterval: (query) => {
      const d = query.state.data;
      return d ? refreshDelay(d.expiresAt, d.windowSeconds) : 10_000;
    },
    refetchIntervalInBackground: true,
  });
}

/** "123456" → "123 456", easier to read from the back of a room. */
export const spacedCode = (code: string) => code.replace(/^(\d{3})(\d{3})$/, '$1 $2');
