import { CO3_LIFE } from '../dossier/dossier-fixtures.test-util';
import { PHASE_KINDS } from '../dossier/dossier.model';
import { ENDED_PHASE_KINDS } from '../dossier/dossier-lifecycle.policy';
import { DEFAULT_RETENTION, localDayOf, retentionDue, retentionPeriodIso } from './retention.policy';

const region = { timeZone: 'Europe/Brussels', dossierLife: CO3_LIFE, retention: DEFAULT_RETENTION };

describe('retentionDue', () => {
  it('an afgesloten dossier is due from the day five years after its afsluiting, not the day before', () => {
    const dossier = { phase: 'afgesloten' as const, endedOn: '2026-03-31' };
    expect(retentionDue(dossier, region, '2031-03-30')).toEqual({
      due: false,
      dueOn: '2031-03-31',
      period: 'P5Y',
    });
    expect(retentionDue(dossier, region, '2031-03-31')).toEqual({
      due: true,
      dueOn: '2031-03-31',
      period: 'P5Y',
    });
    expect(retentionDue(dossier, region, '2040-01-01').due).toBe(true);
  });

  it('a geen-ketenaanpak dossier is due one year after the decision day', () => {
    const dossier = { phase: 'geen_ketenaanpak' as const, endedOn: '2026-12-04' };
    expect(retentionDue(dossier, region, '2027-12-03')).toEqual({
      due: false,
      dueOn: '2027-12-04',
      period: 'P1Y',
    });
    expect(retentionDue(dossier, region, '2027-12-04')).toEqual({
      due: true,
      dueOn: '2027-12-04',
      period: 'P1Y',
    });
  });

  it('takes the day an instant falls on in Brussels, not in UTC', () => {
    const dossier = { phase: 'geen_ketenaanpak' as const, endedOn: '2026-12-04' };
    // 23:30 UTC on 3 December 2027 is already 4 December in Brussels (winter, +01:00).
    expect(retentionDue(dossier, region, new Date('2027-12-03T23:30:00Z')).due).toBe(true);
    // 22:59 UTC is still 3 December there.
    expect(retentionDue(dossier, region, new Date('2027-12-03T22:59:59Z')).due).toBe(false);
    // Summer (+02:00): 22:30 UTC on 31 May is 1 June in Brussels.
    const summer = { phase: 'afgesloten' as const, endedOn: '2026-06-01' };
    expect(retentionDue(summer, region, new Date('2031-05-31T22:30:00Z')).due).toBe(true);
    expect(retentionDue(summer, region, new Date('2031-05-31T21:30:00Z')).due).toBe(false);
    expect(localDayOf(new Date('2027-12-03T23:30:00Z'), 'Europe/Brussels')).toBe('2027-12-04');
  });

  it('a period ending on a day the month lacks falls on its last day', () => {
    expect(retentionDue({ phase: 'geen_ketenaanpak', endedOn: '2028-02-29' }, region, '2029-02-28')).toEqual({
      due: true,
      dueOn: '2029-02-28',
      period: 'P1Y',
    });
  });

  it('a dossier that has not ended is never due, however old', () => {
    for (const phase of PHASE_KINDS.filter((p) => !ENDED_PHASE_KINDS.includes(p))) {
      expect([phase, retentionDue({ phase, endedOn: '2000-01-01' }, region, '2099-01-01')]).toEqual([
        phase,
        { due: false, reason: 'running', dueOn: null },
      ]);
    }
  });

  it('an ended dossier without an end date is not due (nothing to count from)', () => {
    expect(retentionDue({ phase: 'afgesloten', endedOn: null }, region, '2099-01-01')).toEqual({
      due: false,
      reason: 'no-end-date',
      dueOn: null,
    });
  });

  it("uses the region's own periods, and the default when it sets none", () => {
    const custom = {
      timeZone: 'Europe/Brussels', dossierLife: CO3_LIFE,
      retention: { afgesloten: { years: 2, months: 6 }, geen_ketenaanpak: { months: 3 }, source: 'test' },
    };
    expect(retentionDue({ phase: 'afgesloten', endedOn: '2026-01-15' }, custom, '2028-07-15')).toEqual({
      due: true,
      dueOn: '2028-07-15',
      period: 'P2Y6M',
    });
    expect(retentionDue({ phase: 'geen_ketenaanpak', endedOn: '2026-01-15' }, custom, '2026-04-14').due).toBe(
      false,
    );
    expect(
      retentionDue(
        { phase: 'afgesloten', endedOn: '2026-01-15' },
        { timeZone: 'Europe/Brussels', dossierLife: CO3_LIFE },
        '2031-01-15',
      ).due,
    ).toBe(true);
  });

  it('refuses an end date that is not a day', () => {
    expect(() => retentionDue({ phase: 'afgesloten', endedOn: '15/01/2026' }, region, '2031-01-15')).toThrow(
      'invalid end date',
    );
  });

  it('writes periods as ISO 8601', () => {
    expect(retentionPeriodIso({ years: 5 })).toBe('P5Y');
    expect(retentionPeriodIso({ months: 18 })).toBe('P18M');
  });
});
