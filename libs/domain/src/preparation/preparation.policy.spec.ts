import { preparationWindow, tafelEntriesOpen, visiblePreparations } from './preparation.policy';

const session = { status: 'planned' as const, preparationStartMs: 1_000, startsAtMs: 5_000, endsAtMs: 8_000 };

describe('preparationWindow', () => {
  it('opens at the preparation start and closes when the session is held or over', () => {
    expect(preparationWindow(session, 999)).toMatchObject({ open: false, code: 'PREPARATION_NOT_STARTED' });
    expect(preparationWindow(session, 1_000)).toEqual({ open: true });
    expect(preparationWindow(session, 6_000)).toEqual({ open: true });
    expect(preparationWindow(session, 8_000)).toMatchObject({ open: false, code: 'SESSION_HELD' });
    expect(preparationWindow({ ...session, status: 'held' }, 2_000)).toMatchObject({ code: 'SESSION_HELD' });
    expect(preparationWindow({ ...session, status: 'cancelled' }, 2_000)).toMatchObject({
      code: 'SESSION_CANCELLED',
    });
  });
});

describe('tafelEntriesOpen', () => {
  it('opens the tafel entries when the session starts or is held, never when cancelled', () => {
    expect(tafelEntriesOpen(session, 4_999)).toBe(false);
    expect(tafelEntriesOpen(session, 5_000)).toBe(true);
    expect(tafelEntriesOpen({ ...session, status: 'held' }, 0)).toBe(true);
    expect(tafelEntriesOpen({ ...session, status: 'cancelled' }, 9_000)).toBe(false);
  });
});

describe('visiblePreparations', () => {
  const entries = [
    { organisationId: 'politie', visibility: 'coordinatoren' as const },
    { organisationId: 'parket', visibility: 'tafel' as const },
    { organisationId: 'stad', visibility: 'tafel' as const },
  ];
  const orgs = (...args: Parameters<typeof visiblePreparations>) =>
    visiblePreparations(...args).map((e) => e.organisationId);

  it('gives full access everything, a member its own and (in session) the tafel entries', () => {
    expect(orgs(entries, 'full', null, false)).toEqual(['politie', 'parket', 'stad']);
    expect(orgs(entries, 'member', 'stad', false)).toEqual(['stad']);
    expect(orgs(entries, 'member', 'stad', true)).toEqual(['parket', 'stad']);
    expect(orgs(entries, 'member', 'politie', true)).toEqual(['politie', 'parket', 'stad']);
    expect(orgs(entries, 'member', null, true)).toEqual(['parket', 'stad']);
  });

  it('never gives the aanmelder another partner’s entry', () => {
    expect(orgs(entries, 'aanmelder', null, true)).toEqual([]);
    expect(orgs(entries, 'aanmelder', 'politie', true)).toEqual(['politie']);
  });
});
