import type { RiskInstrument } from '../risk/risk-instrument.model';
import { PlanRow, planProblems, planRowProblems, PlanReferences } from './plan-van-aanpak.model';
import { diffPlanVersions, isUnchanged, lastVersionSeenBy, nextVersionNumber } from './plan-version.policy';

/** A small instrument of two domains, in the shape of the kijkschema. */
const INSTRUMENT: RiskInstrument = {
  key: 'test',
  name: 'Test',
  domains: [
    {
      key: 'geweld',
      label: 'Geweld',
      riskFactors: [{ key: 'geweld-escalatie', label: 'Escalatie' }],
      protectiveFactors: [{ key: 'geweld-veiligheidsplan', label: 'Veiligheidsplan' }],
    },
    {
      key: 'kind',
      label: 'Kind',
      riskFactors: [{ key: 'kind-getuige', label: 'Getuige' }],
      protectiveFactors: [],
    },
  ],
  profiles: [
    { key: 'opvoedstress', label: 'Opvoedstress' },
    { key: 'vechtscheiding', label: 'Vechtscheiding' },
  ],
};

const row = (id: string, over: Partial<PlanRow> = {}): PlanRow => ({
  id,
  domainKey: 'geweld',
  factorKey: 'geweld-escalatie',
  bijWie: ['moeder'],
  noden: 'Rust in huis',
  aanpakOpMaat: 'Korte gesprekken thuis',
  actie: 'Veiligheidsplan opstellen',
  begeleiding: { organisationId: 'org-caw' },
  standVanZaken: 'Gestart',
  ...over,
});

describe('diffPlanVersions', () => {
  it('the first version a table sees is all new', () => {
    const diff = diffPlanVersions(undefined, { profiles: ['opvoedstress'], rows: [row('r1')] });
    expect(diff).toMatchObject({ first: true, profilesAdded: ['opvoedstress'], rowsRemoved: [] });
    expect(diff.rowsAdded.map((r) => r.id)).toEqual(['r1']);
    expect(isUnchanged(diff)).toBe(false);
  });

  it('names the rows added, removed and changed (with the fields), and the profiles', () => {
    const previous = {
      profiles: ['opvoedstress', 'situationeel-geweld'],
      rows: [row('r1'), row('r2', { domainKey: 'kind', factorKey: 'kind-getuige' }), row('r3')],
    };
    const current = {
      profiles: ['situationeel-geweld', 'vechtscheiding'],
      rows: [
        row('r3'),
        row('r1', { standVanZaken: 'Afgerond', begeleiding: { text: 'Adviespunt verslaving' } }),
        row('r4', { domainKey: 'individu', factorKey: 'individu-middelen' }),
      ],
    };
    const diff = diffPlanVersions(previous, current);
    expect(diff.first).toBe(false);
    expect(diff.profilesAdded).toEqual(['vechtscheiding']);
    expect(diff.profilesRemoved).toEqual(['opvoedstress']);
    expect(diff.rowsAdded.map((r) => r.id)).toEqual(['r4']);
    expect(diff.rowsRemoved.map((r) => r.id)).toEqual(['r2']);
    expect(diff.rowsChanged.map((c) => [c.after.id, c.fields])).toEqual([
      ['r1', ['begeleiding', 'standVanZaken']],
    ]);
    expect(diff.rowsChanged[0]!.before.standVanZaken).toBe('Gestart');
    expect(diff.rowsUnchanged).toBe(1);
  });

  it('another order of rows or of the members of "bij wie" is no change', () => {
    const previous = { profiles: ['a', 'b'], rows: [row('r1', { bijWie: ['m1', 'm2'] }), row('r2')] };
    const current = { profiles: ['b', 'a'], rows: [row('r2'), row('r1', { bijWie: ['m2', 'm1'] })] };
    const diff = diffPlanVersions(previous, current);
    expect(isUnchanged(diff)).toBe(true);
    expect(diff.rowsUnchanged).toBe(2);
  });

  it('a member added to "bij wie" changes the row', () => {
    const diff = diffPlanVersions(
      { profiles: [], rows: [row('r1', { bijWie: ['m1'] })] },
      { profiles: [], rows: [row('r1', { bijWie: ['m1', 'm2'] })] },
    );
    expect(diff.rowsChanged.map((c) => c.fields)).toEqual([['bijWie']]);
  });
});

describe('lastVersionSeenBy', () => {
  const versions = [
    { number: 1, tableKey: 'weegploeg', withdrawn: false },
    { number: 2, tableKey: 'ronde-tafel', withdrawn: false },
    { number: 3, tableKey: 'weegploeg', withdrawn: true },
    { number: 4, tableKey: 'weegploeg', withdrawn: false },
  ];
  it('is the latest earlier version of the same table that was not withdrawn', () => {
    expect(lastVersionSeenBy(versions, 'weegploeg', 4)?.number).toBe(1);
    expect(lastVersionSeenBy(versions, 'ronde-tafel', 4)?.number).toBe(2);
    expect(lastVersionSeenBy(versions, 'weegploeg', 1)).toBeUndefined();
  });
  it('numbers versions one after the last', () => {
    expect(nextVersionNumber(versions)).toBe(5);
    expect(nextVersionNumber([])).toBe(1);
  });
});

describe('planRowProblems', () => {
  const refs: PlanReferences = {
    instrument: INSTRUMENT,
    familyMemberIds: new Set(['moeder']),
    organisationIds: new Set(['org-caw']),
  };
  it('accepts a row of the instrument, the family and the region', () => {
    expect(planRowProblems(row('r1'), refs)).toEqual([]);
  });
  it('names each field that refers to something unknown', () => {
    expect(
      planRowProblems(
        row('r1', { factorKey: 'kind-getuige', bijWie: ['buurman'], begeleiding: { organisationId: 'x' } }),
        refs,
      ).map((p) => [p.field, p.code]),
    ).toEqual([
      ['factorKey', 'MISMATCH'],
      ['bijWie', 'UNKNOWN'],
      ['begeleiding', 'UNKNOWN'],
    ]);
    expect(planRowProblems(row('r1', { domainKey: 'x', factorKey: 'y' }), refs).map((p) => p.field)).toEqual([
      'domainKey',
      'factorKey',
    ]);
  });
  it('does not take "casusregisseur" as the begeleiding', () => {
    expect(planRowProblems(row('r1', { begeleiding: { text: ' Casusregisseur ' } }), refs)[0]?.field).toBe(
      'begeleidingText',
    );
  });
  it('checks the profiles against the instrument, rows by their number', () => {
    expect(
      planProblems(
        { profiles: ['opvoedstress', 'boos'], rows: [row('r1'), row('r2', { bijWie: ['x'] })] },
        refs,
      ).map((p) => p.field),
    ).toEqual(['profiles', 'rows.1.bijWie']);
  });
});
