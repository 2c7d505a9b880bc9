import {
  dossierLifeProblems,
  DossierLife,
  organisationKindProblems,
  RegionConfig,
} from '@overlegtafels/domain';
import { listRegions } from './region.registry';

const items = (life: DossierLife) =>
  Object.entries(life.rules).flatMap(([table, rule]) =>
    Object.entries(rule.itemTypes).map(([item, itemRule]) => ({ where: `${table}/${item}`, ...itemRule })),
  );

describe.each(listRegions().map((r) => [r.key, r] as const))(
  'the dossier life of %s',
  (_key, region: RegionConfig) => {
    const life = region.dossierLife;

    it('names only its own tables and item types, with a transition for every decision', () => {
      expect(dossierLifeProblems(life, region.tables)).toEqual([]);
    });

    it('lists, with a Dutch name, every organisation kind its tables and rules name', () => {
      expect(organisationKindProblems(region)).toEqual([]);
      expect(Object.keys(region.organisationKinds)).toEqual(expect.arrayContaining(['politie', 'parket']));
    });

    it('has an intake table that takes aanmeldingen, and every table has a role or rules', () => {
      const intake = region.tables.find((t) => t.key === life.roles.intake.table);
      expect(intake?.itemTypes.map((i) => i.key)).toContain(life.roles.intake.aanmeldingItemType);
      for (const table of region.tables)
        expect([table.key, Object.hasOwn(life.rules, table.key)]).toEqual([table.key, true]);
    });

    it('agendeert an agendapunt only in a phase where one of its decisions can be taken', () => {
      for (const item of items(life)) {
        for (const phase of item.agenderenInPhases) {
          const decidable = item.decisions.some((kind) => life.transitions[kind]?.from.includes(phase));
          expect({ item: item.where, phase, decidable }).toEqual({
            item: item.where,
            phase,
            decidable: true,
          });
        }
      }
    });

    it('can get a dossier on an agenda in every phase one of its decisions is taken in', () => {
      for (const [kind, transition] of Object.entries(life.transitions)) {
        for (const phase of transition?.from ?? []) {
          const reachable = items(life).some(
            (i) => (i.decisions as readonly string[]).includes(kind) && i.agenderenInPhases.includes(phase),
          );
          expect({ kind, phase, reachable }).toEqual({ kind, phase, reachable: true });
        }
      }
    });

    it('records every traject its follow-up rules depend on, with a decision of its tables', () => {
      const named = (region.obligations ?? []).flatMap((rule) =>
        (rule.onlyIf ?? []).flatMap((c) => (c.kind === 'traject' ? c.in : [])),
      );
      const options = (life.traject?.options ?? []).map((o) => o.key);
      expect(named.filter((t) => !options.includes(t))).toEqual([]);
      if (named.length > 0) expect(life.traject?.setBy.length).toBeGreaterThan(0);
    });

    it('reaches afgesloten from a new aanmelding', () => {
      const reached = new Set<string>(['aangemeld']);
      for (let changed = true; changed;) {
        changed = false;
        for (const t of Object.values(life.transitions)) {
          if (t && t.to !== 'unchanged' && t.from.some((p) => reached.has(p)) && !reached.has(t.to)) {
            reached.add(t.to);
            changed = true;
          }
        }
      }
      expect(reached.has('afgesloten')).toBe(true);
    });
  },
);

describe('broken organisation kinds', () => {
  it('are told kind by kind what is wrong', () => {
    const region = listRegions()[0]!;
    expect(
      organisationKindProblems({
        ...region,
        organisationKinds: { politie: 'Politie', Meldpunt_X: 'x', leeg: ' ' },
        zonderCasusregisseurAanmelders: ['parket'],
        followUpHelpKinds: ['politie'],
      }),
    ).toEqual(
      expect.arrayContaining([
        'organisation kind "Meldpunt_X" must be lower-case words joined by hyphens',
        'organisation kind leeg has no name',
        'zonderCasusregisseurAanmelders names organisation kind parket, which the region does not list',
        `table ${region.tables[0]!.key} names organisation kind caw, which the region does not list`,
      ]),
    );
  });
});

describe('a broken dossier life', () => {
  it('is told table by table what is wrong', () => {
    const region = listRegions()[0]!;
    const life: DossierLife = {
      ...region.dossierLife,
      roles: { ...region.dossierLife.roles, intake: { table: 'nergens', aanmeldingItemType: 'aanmelding' } },
      rules: { ...region.dossierLife.rules, nergens: { label: 'nergens', itemTypes: {} } },
      transitions: { ...region.dossierLife.transitions, met_casusregie: undefined },
    };
    const problems = dossierLifeProblems(life, region.tables);
    expect(problems).toEqual(
      expect.arrayContaining([
        'decision rules name table nergens, which the region has not',
        'the intake table has no item type aanmelding',
      ]),
    );
    expect(problems.some((p) => p.endsWith('decision met_casusregie has no transition'))).toBe(true);
  });

  it('is told what is wrong with its traject', () => {
    const region = listRegions()[0]!;
    const life: DossierLife = {
      ...region.dossierLife,
      traject: {
        label: 'Traject',
        options: [
          { key: 'spoor-2', label: 'spoor 2' },
          { key: 'spoor-2', label: 'spoor 2 bis' },
        ],
        setBy: ['opvolging_genoteerd'],
      },
      transitions: { ...region.dossierLife.transitions, opvolging_genoteerd: undefined },
    };
    expect(dossierLifeProblems(life, region.tables).filter((p) => p.startsWith('traject'))).toEqual([
      'traject: an option key is listed twice',
      'traject: set by opvolging_genoteerd, which no table of the region takes',
    ]);
  });
});
