import type { DynamicModule, Type } from '@nestjs/common';
import { METHOD_METADATA, MODULE_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import {
  AGENDERING_FORM,
  agenderingTables,
  DECISION_FORM,
  EVENT_PATHS,
  FormRoute,
  MARK_DONE_FORM,
  OBLIGATION_FORM_PATHS,
  ObligationRules,
} from '@overlegtafels/application';
import { POLICY_KEY, RoutePolicy } from '@overlegtafels/auth';
import type { AppConfig } from '@overlegtafels/config';
import {
  checkManualFulfilment,
  decisionsFor,
  DecisionKind,
  FulfilmentSpec,
  lookupItemType,
  OBLIGATION_EVENT_KEYS,
  actionPointRuleKey,
  ObligationRule,
  RegionConfig,
} from '@overlegtafels/domain';
import { CO3_ANTWERPEN, listRegions } from '@overlegtafels/regions';
import { ApiModule } from '../api.module';

/**
 * "Every obligation the service plans must have a page where its owner fulfils it." For every rule
 * of every region and every way the rule says it is fulfilled, this finds the page the owner (or,
 * for a decision, the table's coordinator) uses, from the registry in
 * libs/application/src/obligations/fulfilment-paths.ts and from the routes the api really
 * declares. A rule added without such a way fails here, with what is missing.
 */

/** Every route of the api with the roles its policy lets in (`authenticated`: everyone). */
function declaredRoutes(): Map<string, RoutePolicy | undefined> {
  const routes = new Map<string, RoutePolicy | undefined>();
  const seen = new Set<unknown>();
  const visit = (entry: Type | DynamicModule | Promise<DynamicModule> | undefined): void => {
    if (!entry || entry instanceof Promise || seen.has(entry)) return;
    seen.add(entry);
    const dynamic = 'module' in entry ? entry : undefined;
    const type = (dynamic?.module ?? entry) as Type;
    const controllers = [
      ...((Reflect.getMetadata(MODULE_METADATA.CONTROLLERS, type) as Type[] | undefined) ?? []),
      ...(dynamic?.controllers ?? []),
    ];
    for (const controller of controllers) {
      const base = Reflect.getMetadata(PATH_METADATA, controller) as string;
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = (controller.prototype as Record<string, unknown>)[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
        if (path === undefined) continue;
        const method = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'][
          Reflect.getMetadata(METHOD_METADATA, handler) as number
        ];
        const policy = (Reflect.getMetadata(POLICY_KEY, handler) ??
          Reflect.getMetadata(POLICY_KEY, controller)) as RoutePolicy | undefined;
        routes.set(`${method} /${[base, path].filter((p) => p && p !== '/').join('/')}`, policy);
      }
    }
    const imports = [
      ...((Reflect.getMetadata(MODULE_METADATA.IMPORTS, type) as Type[] | undefined) ?? []),
      ...((dynamic?.imports ?? []) as (Type | DynamicModule)[]),
    ];
    for (const imported of imports) visit(imported);
  };
  visit(
    ApiModule.forRoot({
      config: { regions: ['co3-antwerpen'], mailFrom: 'noreply@example.org' } as AppConfig,
    }),
  );
  return routes;
}

const ROUTES = declaredRoutes();

/** Why the form cannot be used by `role`, or undefined when it can. */
function formProblem(form: FormRoute, role: string): string | undefined {
  if (!form.roles.includes(role as never)) return `${form.route} is not for the ${role}`;
  if (!ROUTES.has(form.route)) return `the api declares no ${form.route}`;
  const policy = ROUTES.get(form.route);
  if (!policy || policy.kind === 'public') return `${form.route} has no policy for logged-in people`;
  if (policy.kind === 'roles' && !policy.roles.includes(role as never)) {
    return `${form.route} does not let the ${role} in (@Roles ${policy.roles.join(', ')})`;
  }
  return undefined;
}

/** A decision kind the region's tables take (its dossier life), on the decision form for the coordinator. */
function decisionProblem(region: RegionConfig, kind: DecisionKind): string | undefined {
  const taken = region.tables.some((t) =>
    t.itemTypes.some((i) => decisionsFor(region.dossierLife.rules, t.key, i.key).includes(kind)),
  );
  if (!taken) return `no table of ${region.key} takes the decision "${kind}"`;
  return formProblem(DECISION_FORM, 'coordinator');
}

/** What stands in the way of the owner fulfilling the rule this way; undefined when nothing does. */
function pathProblem(region: RegionConfig, rule: ObligationRule, spec: FulfilmentSpec): string | undefined {
  const owner = rule.owner.role;
  switch (spec.kind) {
    case 'agenda-item': {
      const table = agenderingTables(region).find((t) => t.key === spec.table);
      if (!table) return `the agendering page offers no table "${spec.table}"`;
      for (const itemType of spec.itemTypes) {
        if (!table.itemTypes.some((i) => i.key === itemType))
          return `"${spec.table}" has no item type "${itemType}"`;
        const found = lookupItemType(region.dossierLife.rules, spec.table, itemType);
        if (!found.ok || found.itemType.agenderenInPhases.length === 0) {
          return `agenderen refuses ${spec.table}/${itemType} (${found.ok ? 'in every phase' : found.code})`;
        }
      }
      return formProblem(AGENDERING_FORM, owner);
    }
    case 'decision': {
      for (const kind of spec.decisionKinds) {
        const problem = decisionProblem(region, kind);
        if (problem) return problem;
      }
      return undefined;
    }
    case 'event': {
      const paths = EVENT_PATHS[spec.event];
      const problems = paths.map((p) =>
        p.kind === 'dossier-form'
          ? formProblem(p, owner)
          : p.decisionKinds.map((k) => decisionProblem(region, k)).find(Boolean),
      );
      if (problems.some((p) => p === undefined)) return undefined;
      return `nothing records "${spec.event}" for the ${owner}: ${problems.join('; ') || 'no path registered'}`;
    }
    case 'manual': {
      const check = checkManualFulfilment(rule, { status: 'open' }, { note: 'gedaan', byRole: owner });
      return check.ok
        ? formProblem(MARK_DONE_FORM, owner)
        : `the ${owner} may not mark it done: ${check.message}`;
    }
    case 'form':
      return formProblem(OBLIGATION_FORM_PATHS[spec.form], owner);
  }
}

/** Every rule of the region with at least one way its owner can fulfil it; else why not. */
function gaps(region: RegionConfig): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const rule of region.obligations ?? []) {
    const problems = rule.fulfilledBy.map((spec) => pathProblem(region, rule, spec));
    if (problems.every((p) => p !== undefined)) out[rule.key] = problems as string[];
  }
  return out;
}

describe('every obligation the service plans can be fulfilled by its owner through a page', () => {
  it('finds the pages the registry names among the routes of the api', () => {
    expect(ROUTES.size).toBeGreaterThan(40);
    for (const form of [AGENDERING_FORM, DECISION_FORM, MARK_DONE_FORM])
      expect(ROUTES.has(form.route)).toBe(true);
    for (const key of OBLIGATION_EVENT_KEYS) {
      for (const path of EVENT_PATHS[key]) {
        if (path.kind === 'dossier-form') expect([key, ROUTES.has(path.route)]).toEqual([key, true]);
      }
    }
  });

  it.each(listRegions().map((r) => [r.key, r] as const))('%s: every rule has a way', (key, region) => {
    expect((region.obligations ?? []).length).toBeGreaterThan(0);
    // A rule without a way, with why (the message names what is missing).
    expect([key, gaps(region)]).toEqual([key, {}]);
  });

  it('says why when a table of the region has no decision rules', () => {
    const vb = listRegions().find((r) => r.key === 'vlaams-brabant')!;
    const { 'casusoverleg-spoor-3': _spoor3, ...triageOnly } = vb.dossierLife.rules;
    const withoutSpoor3: RegionConfig = { ...vb, dossierLife: { ...vb.dossierLife, rules: triageOnly } };
    expect(gaps(withoutSpoor3)['spoor-3-plan-van-aanpak']).toEqual([
      'agenderen refuses casusoverleg-spoor-3/plan-van-aanpak (UNKNOWN_TABLE)',
    ]);
  });

  it('fails a rule added without a way: a decision no table takes, an event nothing records, an item nobody may bring', () => {
    const base = CO3_ANTWERPEN.obligations!.find((r) => r.key === 'kinderen-boven-12-gehoord')!;
    const added = (
      key: string,
      fulfilledBy: readonly FulfilmentSpec[],
      owner = base.owner,
    ): ObligationRule => ({
      ...base,
      key,
      owner,
      fulfilledBy,
    });
    const region: RegionConfig = {
      ...CO3_ANTWERPEN,
      // The ICO alone: no table takes a plan van aanpak nor an afsluiting.
      tables: CO3_ANTWERPEN.tables.filter((t) => t.key === 'ico'),
      obligations: [
        added('zesmaandelijks-verslag', [{ kind: 'decision', decisionKinds: ['afsluiting_bevestigd'] }]),
        added('plan-besproken', [{ kind: 'event', event: 'pva-besproken' }]),
        added('vervolgoverleg', [
          { kind: 'agenda-item', table: 'weegploeg', itemTypes: ['plan-van-aanpak'] },
        ]),
        // Fulfilled by agendering, owned by a coordinator: only a coordinator may close it by hand, so it has a way.
        added('coordinator-taak', [{ kind: 'manual' }], { role: 'coordinator', table: 'ico' }),
        // Recorded on the dossier page: has a way.
        added('instemming', [{ kind: 'event', event: 'instemming-geregistreerd' }]),
        // The quality check's form is the strategic coordinators', not the casusregisseur's.
        added('controle', [{ kind: 'form', form: 'kwaliteitscontrole' }]),
        // The six-month report's form is the casusregisseur's: has a way.
        added('rapport', [{ kind: 'form', form: 'vervolghulp' }]),
      ],
    };
    expect(gaps(region)).toEqual({
      'zesmaandelijks-verslag': ['no table of co3-antwerpen takes the decision "afsluiting_bevestigd"'],
      'plan-besproken': [
        'nothing records "pva-besproken" for the casusregisseur: no table of co3-antwerpen takes the decision "pva_besproken"',
      ],
      vervolgoverleg: ['the agendering page offers no table "weegploeg"'],
      controle: ['POST /opvolging/:id/kwaliteitscontrole is not for the casusregisseur'],
    });
  });

  it.each(listRegions().map((r) => [r.key] as const))(
    '%s: an action point of a verslag, on any table, is marked done by its owner on Mijn opvolging',
    (key) => {
      const region = listRegions().find((r) => r.key === key)!;
      const rules = new ObligationRules({ regions: [key] });
      for (const table of region.tables) {
        const rule = rules.rule(actionPointRuleKey(table.key, 'ap-1'))!;
        expect(rule.fulfilledBy.map((spec) => pathProblem(region, rule, spec))).toEqual([undefined]);
      }
      // Its owner may sit at the table as a member, or be the aanmelder: both reach the pages.
      for (const route of [
        'GET /opvolging',
        MARK_DONE_FORM.route,
        'GET /opvolging/:id',
        'POST /api/opvolging/:id/afgerond',
      ]) {
        const policy = ROUTES.get(route);
        expect([
          route,
          policy?.kind === 'roles' && ['member', 'aanmelder'].every((r) => policy.roles.includes(r as never)),
        ]).toEqual([route, true]);
      }
    },
  );
});
