import type { Signup } from '../../../common/contract/signups.js';
import type { SignupRow } from './signups.repository.js';

export function presentSignup(s: SignupRow): Signup {
  return {
    id: s.id,
    shiftId: s.shift_id,
    volunteerId: s.volunteer_id,
    status: s.status,
    seq: s.seq,
    createdAt: s.created_at,
    decidedAt: s.decided_at,
    reason: s.reason,
  };
}
