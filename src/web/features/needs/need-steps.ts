import { RISKY_NEED_TYPES, type Need } from '../../../common/contract/needs.js';

type Status = Need['status'];
type Event = Need['timeline'][number];

/** Whether posting this type needs the risk statement accepted (the server refuses it without). */
export const needsRiskStatement = (type: string): boolean => RISKY_NEED_TYPES.has(type);

/** The resident may cancel until a volunteer has taken it. */
export const residentMayCancel = (s: Status): boolean => s === 'posted' || s === 'accepted' || s === 'dispatched';

/** Those who review it may cancel until it is done. */
export const reviewerMayCancel = (s: Status): boolean => residentMayCancel(s) || s === 'taken';

/** Dispatched (again) once accepted and until it is done: re-dispatching releases a taker. */
export const mayDispatch = (s: Status): boolean => s === 'accepted' || s === 'dispatched' || s === 'taken';

/** A member of the team may take it once dispatched to the team, while nobody has. */
export const mayTake = (n: Pick<Need, 'status' | 'taken'>): boolean => n.status === 'dispatched' && !n.taken;

/** The taker reports it done. */
export const mayComplete = (n: Pick<Need, 'status' | 'takenByMe'>): boolean => n.status === 'taken' && n.takenByMe;

/** The resident may complain, once, about a need done (rated or not). */
export const mayComplain = (n: Pick<Need, 'mine' | 'status' | 'timeline'>): boolean =>
  n.mine && (n.status === 'completed' || n.status === 'rated') && !n.timeline.some((e) => e.kind === 'complained');

/** Whether the need is still on its way (the resident's list shows these first in colour). */
export const isOpen = (s: Status): boolean => !['rejected', 'completed', 'rated', 'cancelled'].includes(s);

/**
 * The teams a need may go to: those of its district (county) and below, the region code's first
 * six digits (a street "500103001" belongs to the district "500103").
 */
export const teamRegionOf = (regionCode: string): string => regionCode.slice(0, 6);

/** The i18n key (under `needs.events`) naming a step of the timeline: a review says its decision. */
export function eventKey(e: Pick<Event, 'kind' | 'details'>): string {
  if (e.kind === 'reviewed') return e.details.decision === 'reject' ? 'rejected' : 'accepted';
  return e.kind;
}

/** What a step of the timeline carries to show beside it: a reason, a score, a complaint's words. */
export function eventNote(e: Pick<Event, 'details'>): { reason?: string; score?: number; text?: string } {
  const out: { reason?: string; score?: number; text?: string } = {};
  if (typeof e.details.reason === 'string' && e.details.reason) out.reason = e.details.reason;
  if (typeof e.details.text === 'string' && e.details.text) out.text = e.details.text;
  if (typeof e.details.score === 'number') out.score = e.details.score;
  return out;
}

/** A need type's name in the UI language; an unknown code shows as it is. */
export function typeName(
  types: readonly { code: string; nameZh: string; nameEn: string }[],
  code: string,
  english: boolean,
): string {
  const found = types.find((t) => t.code === code);
  if (!found) return code;
  return english ? found.nameEn : found.nameZh;
}

/**
 * The regions a board's region filter starts from: the admin's own (region_admin grants); none,
 * the whole tree, for a system admin.
 */
export function regionRoots(me: { roles: { role: string; scopeType: string; scopeId: string }[] } | null | undefined) {
  const codes = (me?.roles ?? [])
    .filter((g) => g.role === 'region_admin' && g.scopeType === 'region')
    .map((g) => g.scopeId);
  return codes.length ? [...new Set(codes)] : undefined;
}
