// Issue #14: everything region-specific is in the region's configuration. This reads every table
// key, phase and decision key of every configured region and looks for them as string literals in
// the application and the apps (their source, not their tests): a table key there is a failure,
// named by file:line. The phases and decisions are still the domain's vocabulary, named in code
// that gives them their meaning (a casusregisseur's appointment with met_casusregie, the forms of
// each decision); until they are configuration too, each file may keep the literals it has today
// and no more, and no new file may add any (PHASE_AND_DECISION_LITERALS, which only shrinks).
// The phases are the region's own (DossierLife.phases): the code asks a phase's kind through the
// domain (isInCasusregie, isAfgesloten, endedPhaseKeys), so what is left below are decision kinds
// and words of another vocabulary spelled like a phase (a verslag "afgesloten", a timeline entry).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { DossierLife, RegionConfig } from '@overlegtafels/domain';
import { listRegions } from '@overlegtafels/regions';

const ROOT = path.resolve(__dirname, '..');
const NOT_SOURCE = /\.(spec|int-spec|e2e-spec|test-util)\.ts$|(^|\/)(testing|fixtures?)(\/|$)/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory())
      return name === 'testing' || name === 'fixtures' ? [] : sourceFiles(full);
    return name.endsWith('.ts') && !NOT_SOURCE.test(name) ? [full] : [];
  });
}

const APPS = readdirSync(path.join(ROOT, 'apps')).filter((a) =>
  statSync(path.join(ROOT, 'apps', a, 'src')).isDirectory(),
);
const SCANNED = ['libs/application/src', ...APPS.map((a) => `apps/${a}/src`)];

function phasesOf(life: DossierLife): string[] {
  const declared = life.phases.map((p) => p.key);
  const fromRules = Object.values(life.rules).flatMap((t) =>
    Object.values(t.itemTypes).flatMap((i) => i.agenderenInPhases),
  );
  const fromTransitions = Object.values(life.transitions).flatMap((t) =>
    t ? [...t.from, ...(t.to === 'unchanged' ? [] : [t.to])] : [],
  );
  return [...declared, ...fromRules, ...fromTransitions];
}

function decisionsOf(life: DossierLife): string[] {
  return [
    ...Object.values(life.rules).flatMap((t) => Object.values(t.itemTypes).flatMap((i) => i.decisions)),
    ...Object.keys(life.transitions),
  ];
}

export function configuredKeys(regions: readonly RegionConfig[]) {
  return {
    tables: new Set(
      regions.flatMap((r) => [...r.tables.map((t) => t.key), ...Object.keys(r.dossierLife.rules)]),
    ),
    phasesAndDecisions: new Set(
      regions.flatMap((r) => [...phasesOf(r.dossierLife), ...decisionsOf(r.dossierLife)]),
    ),
  };
}

/** Every `'key'`, `"key"` or `` `key` `` of the given keys in the scanned files, as file:line key. */
export function literalsIn(files: readonly string[], keys: ReadonlySet<string>): string[] {
  const found: string[] = [];
  for (const file of files) {
    const lines = readFileSync(file, 'utf8').split('\n');
    lines.forEach((line, i) => {
      for (const m of line.matchAll(/(['"`])([a-z0-9_-]+)\1/g)) {
        if (keys.has(m[2]!)) found.push(`${path.relative(ROOT, file)}:${i + 1} ${m[2]}`);
      }
    });
  }
  return found;
}

/**
 * The phase and decision literals each file holds today (counted on the branch that added this
 * test). Lower a count when a file loses some; never raise one, never add a file.
 */
const PHASE_AND_DECISION_LITERALS: Readonly<Record<string, number>> = {
  'apps/api/src/dossiers/dossier-decisions.ts': 5,
  'apps/api/src/minutes/verslag-page.controller.ts': 1,
  'apps/api/src/obligations/opvolging-page.controller.ts': 1,
  'apps/api/src/print/minutes-print.ts': 1,
  'apps/api/src/sessions/decision-form.ts': 2,
  'apps/api/src/sessions/decision-history-page.controller.ts': 1,
  'apps/api/src/sessions/zitting-page.controller.ts': 2,
  'apps/api/src/sessions/zitting-risk-picture.ts': 1,
  'libs/application/src/correct-casusregie-start/correct-casusregie-start.usecase.ts': 1,
  'libs/application/src/dossier-timeline/casusregie-timeline.ts': 4,
  'libs/application/src/dossier-timeline/dossier-timeline.ts': 2,
  'libs/application/src/obligations/fulfilment-paths.ts': 8,
  'libs/application/src/ports/dossier-list.port.ts': 1,
  'libs/application/src/reassign-casusregisseur/reassign-casusregisseur.usecase.ts': 1,
  'libs/application/src/record-decision/decision-applier.ts': 17,
  'libs/application/src/record-decision/decision-letters.ts': 2,
  'libs/application/src/record-decision/record-decision.command.ts': 11,
  'libs/application/src/sync-dossier-obligations/dossier-facts.mapper.ts': 1,
  'libs/application/src/withdraw-decision/decision-withdrawal.query.ts': 1,
};

const files = SCANNED.flatMap((dir) => sourceFiles(path.join(ROOT, dir)));
const keys = configuredKeys(listRegions());

describe('no region-specific key in the application or the apps', () => {
  it('scans the source of the application and of every app, and knows every region', () => {
    expect(files.length).toBeGreaterThan(300);
    expect(SCANNED).toEqual(expect.arrayContaining(['libs/application/src', 'apps/api/src', 'apps/cli/src']));
    expect(listRegions().length).toBeGreaterThanOrEqual(4);
    expect([...keys.tables]).toEqual(
      expect.arrayContaining(['ico', 'weegploeg', 'triage-overleg', 'team-regie']),
    );
  });

  it('names no table key of any region: the code asks the region for the table with a role', () => {
    expect(literalsIn(files, keys.tables)).toEqual([]);
  });

  it('adds no phase or decision literal beyond what each file holds today', () => {
    const counts = new Map<string, number>();
    for (const hit of literalsIn(files, keys.phasesAndDecisions)) {
      const file = hit.slice(0, hit.indexOf(':'));
      counts.set(file, (counts.get(file) ?? 0) + 1);
    }
    const over = [...counts].filter(([file, n]) => n > (PHASE_AND_DECISION_LITERALS[file] ?? 0));
    const under = Object.entries(PHASE_AND_DECISION_LITERALS).filter(
      ([file, n]) => (counts.get(file) ?? 0) < n,
    );
    expect({ over, under }).toEqual({ over: [], under: [] });
  });

  it('finds a key written in a source file, with its file and line', () => {
    const probe = path.join(ROOT, 'scripts', 'check-boundaries.mjs');
    const hits = literalsIn([probe], new Set(['testing']));
    expect(hits.length).toBeGreaterThan(0);
    for (const hit of hits) expect(hit).toMatch(/^scripts\/check-boundaries\.mjs:\d+ testing$/);
  });
});
