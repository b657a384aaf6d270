import { describe, expect, it } from 'vitest';
import {
  eventKey,
  eventNote,
  isOpen,
  mayComplete,
  mayDispatch,
  mayComplain,
  mayTake,
  needsRiskStatement,
  regionRoots,
  residentMayCancel,
  reviewerMayCancel,
  teamRegionOf,
  typeName,
} from './need-steps.js';

describe('the steps of a need', () => {
  it('asks for the risk statement for medical escorts and repairs only', () => {
    expect(needsRiskStatement('medical_escort')).toBe(true);
    expect(needsRiskStatement('repair')).toBe(true);
    expect(needsRiskStatement('elderly_care')).toBe(false);
  });

  it('lets the resident cancel until taken, and those who review it until done', () => {
    expect(residentMayCancel('dispatched')).toBe(true);
    expect(residentMayCancel('taken')).toBe(false);
    expect(reviewerMayCancel('taken')).toBe(true);
    expect(reviewerMayCancel('completed')).toBe(false);
    expect(reviewerMayCancel('cancelled')).toBe(false);
  });

  it('dispatches once accepted and re-dispatches until done', () => {
    expect(mayDispatch('posted')).toBe(false);
    expect(mayDispatch('accepted')).toBe(true);
    expect(mayDispatch('taken')).toBe(true);
    expect(mayDispatch('completed')).toBe(false);
  });

  it('is taken once dispatched and completed by its taker', () => {
    expect(mayTake({ status: 'dispatched', taken: false })).toBe(true);
    expect(mayTake({ status: 'accepted', taken: false })).toBe(false);
    expect(mayComplete({ status: 'taken', takenByMe: true })).toBe(true);
    expect(mayComplete({ status: 'taken', takenByMe: false })).toBe(false);
  });

  it('tells open needs from finished ones', () => {
    expect(isOpen('posted')).toBe(true);
    expect(isOpen('taken')).toBe(true);
    expect(isOpen('rated')).toBe(false);
    expect(isOpen('rejected')).toBe(false);
  });

  it("offers the teams of a need's district", () => {
    expect(teamRegionOf('500103001')).toBe('500103');
    expect(teamRegionOf('500103')).toBe('500103');
  });

  it('names the timeline steps, a review by its decision, with the reason or score they carry', () => {
    expect(eventKey({ kind: 'reviewed', details: { decision: 'reject', reason: 'x' } })).toBe('rejected');
    expect(eventKey({ kind: 'reviewed', details: { decision: 'accept' } })).toBe('accepted');
    expect(eventKey({ kind: 'taken', details: {} })).toBe('taken');
    expect(eventNote({ details: { decision: 'reject', reason: '不在服务范围' } })).toEqual({ reason: '不在服务范围' });
    expect(eventNote({ details: { score: 5 } })).toEqual({ score: 5 });
    expect(eventNote({ details: { organisationId: 'o1' } })).toEqual({});
  });

  it('names a type in the UI language, an unknown code as it is', () => {
    const types = [{ code: 'repair', nameZh: '维修', nameEn: 'Repairs' }];
    expect(typeName(types, 'repair', false)).toBe('维修');
    expect(typeName(types, 'repair', true)).toBe('Repairs');
    expect(typeName(types, 'garden', true)).toBe('garden');
  });
});

describe("the board's region filter", () => {
  it("starts from a region admin's regions, and from the whole tree otherwise", () => {
    const grant = (role: string, scopeType: string, scopeId: string) => ({ role, scopeType, scopeId });
    expect(
      regionRoots({ roles: [grant('region_admin', 'region', '500103'), grant('volunteer', 'system', 'system')] }),
    ).toEqual(['500103']);
    expect(regionRoots({ roles: [grant('system_admin', 'system', 'system')] })).toBeUndefined();
    expect(regionRoots(null)).toBeUndefined();
  });
});

describe('mayComplain', () => {
  const done = { mine: true, status: 'rated' as const, timeline: [] };
  it('lets the resident complain once about a need done', () => {
    expect(mayComplain(done)).toBe(true);
    expect(mayComplain({ ...done, status: 'completed' })).toBe(true);
    expect(mayComplain({ ...done, status: 'taken' })).toBe(false);
    expect(mayComplain({ ...done, mine: false })).toBe(false);
    expect(mayComplain({ ...done, timeline: [{ kind: 'complained', at: '', by: null, details: {} }] })).toBe(false);
  });
});
