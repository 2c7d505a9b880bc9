import { randomUUID } from 'node:crypto';
import { seedDemoAgenda } from '@overlegtafels/application';
import { createPrismaClient } from '@overlegtafels/persistence';
import { getRegion } from '@overlegtafels/regions';
import { ControlledClock } from '@overlegtafels/testing';
import { aanmeldingInput } from '../support/aanmelding-input';
import { personWithEveryRole } from '../support/other-region';
import { AppRoute, appRoutes, writeRoutes } from '../support/app-routes';
import { casesOf, crossRegionWriteFailures, Ids, normalise, ROW_BEFORE_ID } from '../support/region-routes';
import { Caller, callerFor, OpenApiDocument, send } from '../support/route-requests';
import { eventually, startTestApp, TestApp } from '../support/test-app';

/**
 * Issue #14 item 3: one installation serves CO3 Antwerpen and Vlaams-Brabant (REGIONS). Each
 * region's people come from its own beheerder through the beheer API; a person of one region
 * holding every role reads and changes nothing of the other, route by route, in both directions;
 * each region's aanmelding gets its own code and intake table, each agenda its region's sender.
 */

const clock = new ControlledClock('2026-11-23T09:00:00+01:00'); // Monday
const VB = getRegion('vlaams-brabant')!;
const CO3 = getRegion('co3-antwerpen')!;

interface Region {
  /** A person of the region with every role a beheerder gives, a seat at the intake table. */
  all: Caller;
  ids: Ids;
  /** Everything of the region another region's answer must not name. */
  secrets: string[];
}

describe('one installation, two regions (REGIONS=co3-antwerpen,vlaams-brabant)', () => {
  let t: TestApp;
  let db: ReturnType<typeof createPrismaClient>;
  let doc: OpenApiDocument;
  const regions: Record<'co3' | 'vb', Region> = {} as never;
  const aanmeldingen: Record<'co3' | 'vb', { dossierCode: string; agendaItemId: string }> = {} as never;

  async function aanmelding(
    caller: Caller,
    organisationId: string,
    email: string,
    regionAnswers: Record<string, string[]> = {},
  ) {
    const res = await send(
      t,
      caller,
      'POST',
      '/api/aanmeldingen',
      aanmeldingInput(organisationId, email, 'Nieuwe melding van de politie.', regionAnswers),
    );
    expect(res.status).toBe(201);
    return (await res.json()) as { dossierCode: string; agendaItemId: string; dossierId: string };
  }

  /** The rows of a region a path or body can name, and every id, code and address of it. */
  async function regionRows(
    key: string,
    person: string,
    organisationId: string,
  ): Promise<Ids & { secrets: string[] }> {
    const region = await db.region.findUniqueOrThrow({ where: { key } });
    const item = await db.agendaItem.findFirstOrThrow({
      where: { session: { regionId: region.id } },
      include: { dossier: true, session: true },
      orderBy: { createdAt: 'asc' },
    });
    const otherSession = await db.session.findFirstOrThrow({
      where: { regionId: region.id, id: { not: item.sessionId } },
    });
    const obligation = await db.followUpObligation.findFirst({ where: { dossier: { regionId: region.id } } });
    const outbox = await db.mailOutbox.findFirstOrThrow({ where: { dossier: { regionId: region.id } } });
    const people = await db.person.findMany({ where: { regionId: region.id } });
    const dossiers = await db.dossier.findMany({ where: { regionId: region.id } });
    const sessions = await db.session.findMany({ where: { regionId: region.id }, select: { id: true } });
    const items = await db.agendaItem.findMany({
      where: { session: { regionId: region.id } },
      select: { id: true },
    });
    return {
      person,
      organisation: organisationId,
      dossier: item.dossierId,
      dossierCode: item.dossier.code,
      session: item.sessionId,
      otherSession: otherSession.id,
      item: item.id,
      // A region with no obligation yet: an id that names none (the route answers as for unknown).
      obligation: obligation?.id ?? randomUUID(),
      outbox: outbox.id,
      organisationId,
      casusregisseurId: person,
      table: item.session.tableKey,
      secrets: [
        ...people.flatMap((p) => [p.id, p.email]),
        ...dossiers.flatMap((d) => [d.id, d.code]),
        ...sessions.map((s) => s.id),
        ...items.map((i) => i.id),
        organisationId,
      ],
    };
  }

  /** One GET as `me`: it names nothing of `other`, and a row of `other` answers as an unknown one. */
  async function readFailures(route: AppRoute, me: Region, other: Region, name: string): Promise<string[]> {
    const url = (known: boolean) =>
      route.path
        .split('/')
        .map((s, i, all) =>
          s.startsWith(':') ? readParam(s.slice(1), all[i - 1]!, known ? other.ids : undefined, me.ids) : s,
        )
        .join('/');
    const tried = await send(t, me.all, 'GET', url(true), undefined);
    const text = await tried.text();
    // Whole ids and addresses only: an address ending in beheer@example.be does not name it.
    const leaked = other.secrets.filter((secret) =>
      new RegExp(`(?<![\\w.+-])${secret.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`).test(text),
    );
    const failures = leaked.length ? [`${name}: names ${leaked.join(', ')}`] : [];
    if (!route.path.includes('/:')) return failures;
    const missing = await send(t, me.all, 'GET', url(false), undefined);
    const missingText = await missing.text();
    if (tried.status !== missing.status)
      failures.push(`${name}: answered ${tried.status}, an unknown one ${missing.status}`);
    else if (normalise(text) !== normalise(missingText))
      failures.push(`${name}: answered otherwise than for an unknown one`);
    return failures;
  }

  beforeAll(async () => {
    t = await startTestApp({ clock, env: { REGIONS: 'co3-antwerpen,vlaams-brabant' } });
    await seedDemoAgenda(t.app);
    db = createPrismaClient(t.db.url, 2);
    // Vlaams-Brabant has its row from the start (REGIONS); its first beheerder comes from the
    // operator's CLI, as for any new region, and makes the region's people through the beheer API.
    const co3Admin = await db.person.findFirstOrThrow({ where: { email: 'beheer@example.be' } });
    const vbAll = await personWithEveryRole(t, VB.key, 'Vera Brabant', 'vera.brabant@example.be');
    const co3All = await personWithEveryRole(
      t,
      CO3.key,
      'Koen Alles',
      'koen.alles@example.be',
      await callerFor(t, co3Admin.id),
    );
    aanmeldingen.vb = await aanmelding(vbAll.caller, vbAll.organisationId, 'vera.brabant@example.be', {
      aanmeldingscriteria: ['multi-problem'],
    });
    aanmeldingen.co3 = await aanmelding(co3All.caller, co3All.organisationId, 'koen.alles@example.be');
    for (const [name, key, all] of [
      ['vb', VB.key, vbAll],
      ['co3', CO3.key, co3All],
    ] as const) {
      const { secrets, ...ids } = await regionRows(key, all.personId, all.organisationId);
      regions[name] = { all: all.caller, ids, secrets };
    }
    doc = (await (
      await send(t, co3All.caller, 'GET', '/api/docs/openapi.json', undefined)
    ).json()) as OpenApiDocument;
  }, 180_000);

  afterAll(async () => {
    await db?.$disconnect();
    await t?.close();
  });

  it('gives each region’s aanmelding its own code prefix and its own intake table', async () => {
    const placed = async (itemId: string) =>
      (await db.agendaItem.findUniqueOrThrow({ where: { id: itemId }, include: { session: true } })).session
        .tableKey;
    expect(aanmeldingen.vb.dossierCode).toMatch(/^VHVB-2026-\d{4}$/);
    expect(aanmeldingen.co3.dossierCode).toMatch(/^CO3-2026-\d{4}$/);
    expect(await placed(aanmeldingen.vb.agendaItemId)).toBe('triage-overleg');
    expect(await placed(aanmeldingen.co3.agendaItemId)).toBe('ico');
    // Vlaams-Brabant's first dossier: its counter is its own, not CO3's.
    expect(aanmeldingen.vb.dossierCode).toBe('VHVB-2026-0001');
  });

  it('opens no dossier for an aanmelder of one region with an organisation of the other', async () => {
    const before = await db.dossier.count();
    const tries: ['vb' | 'co3', 'vb' | 'co3', Record<string, string[]>][] = [
      ['vb', 'co3', { aanmeldingscriteria: ['multi-problem'] }],
      ['co3', 'vb', {}],
    ];
    for (const [me, other, answers] of tries) {
      const res = await send(
        t,
        regions[me].all,
        'POST',
        '/api/aanmeldingen',
        aanmeldingInput(regions[other].ids.organisationId, 'iemand@example.be', 'Melding.', answers),
      );
      expect([me, res.status, ((await res.json()) as { field?: string }).field]).toEqual([
        me,
        400,
        'organisationId',
      ]);
    }
    expect(await db.dossier.count()).toBe(before);
  });

  it('shows each person their own region on the home page', async () => {
    const home = async (c: Caller) => (await send(t, c, 'GET', '/', undefined)).text();
    const [vbHome, co3Home] = [await home(regions.vb.all), await home(regions.co3.all)];
    expect(vbHome).toContain('Veilig Huis Vlaams-Brabant');
    expect(vbHome).not.toContain('CO3 Antwerpen');
    expect(co3Home).toContain('CO3 Antwerpen');
    expect(co3Home).not.toContain('Veilig Huis Vlaams-Brabant');
  });

  it('sends each region’s agenda as that region (From, subject and the calendar UIDs’ host)', async () => {
    for (const [name, region, from, to] of [
      ['vb', VB, 'overlegtafels@vlaams-brabant.example.be', 'vera.brabant@example.be'],
      ['co3', CO3, 'overlegtafels@example.be', 'koen.alles@example.be'],
    ] as const) {
      const r = regions[name];
      const res = await send(t, r.all, 'POST', `/agenda/${r.ids.session}/versturen`, {
        keepEmpty: 'on',
        submissionKey: `versturen-${name}`,
      });
      expect(res.status).toBe(303);
      const intake = region.tables.find((tb) => tb.key === region.dossierLife.roles.intake.table)!;
      const agenda = await eventually(
        async () => (await t.sink.list()).find((m) => m.to.includes(to) && m.subject.startsWith(intake.name)),
        `the ${name} agenda delivered`,
      );
      expect(agenda.from).toContain(from);
      expect(agenda.subject.endsWith(`– ${region.name}`)).toBe(true);
      expect(agenda.messageId).toMatch(new RegExp(`@${from.split('@')[1]!.replace(/\./g, '\\.')}>$`));
    }
  }, 60_000);

  it('answers every read of the other region’s rows as for rows that do not exist, and lists none of them', async () => {
    const failures: string[] = [];
    const reads = appRoutes(t.app).filter((r) => r.method === 'GET' && r.policy?.kind !== 'public');
    expect(reads.length).toBeGreaterThan(40);
    // The lists first, before any probe below puts the other region's ids in the caller's own
    // audit trail (an attempt names the row it was after); then every route that names a row.
    const ordered = [
      ...reads.filter((r) => !r.path.includes('/:')),
      ...reads.filter((r) => r.path.includes('/:')),
    ];
    for (const route of ordered) {
      for (const [me, other] of [
        ['vb', 'co3'],
        ['co3', 'vb'],
      ] as const) {
        failures.push(...(await readFailures(route, regions[me], regions[other], `${me} → ${route.route}`)));
      }
    }
    expect(failures).toEqual([]);
  }, 180_000);

  it.each([
    ['vb', 'co3'],
    ['co3', 'vb'],
  ] as const)(
    'refuses every write of a %s person on %s’s rows as for rows that do not exist, changes nothing, audits it',
    async (me, other) => {
      // The caller's own table key with the other region's rows: the route gets as far as the fence.
      const ids = { ...regions[other].ids, table: regions[me].ids.table };
      const { cases, unclassified } = casesOf(writeRoutes(t.app), doc, ids);
      expect(unclassified).toEqual([]);
      expect(cases.map((c) => c.name)).toEqual(
        expect.arrayContaining([
          'POST /api/agenda-items/:id/share',
          'POST /api/agenda-items/:id/move',
          'POST /agenda/:sessionId/punten/:itemId/delen',
          'POST /agenda/:sessionId/punten/:itemId/verplaatsen',
          'POST /agenda/:sessionId/punten/:itemId/beslissing',
          'POST /agenda/:sessionId/versturen',
        ]),
      );
      const own = me === 'vb' ? VB : CO3;
      const refusedBeforeAnyRow = Object.fromEntries(
        cases
          .filter((c) => !own.riskInstrument && c.name.includes('plan-van-aanpak'))
          .map((c) => [c.name, `${own.name} has no kijkschema, so no plan van aanpak`]),
      );
      expect(
        await crossRegionWriteFailures(t, db, regions[me].all, cases, {
          skipSchemas: ['bullmq'],
          refusedBeforeAnyRow,
        }),
      ).toEqual([]);
    },
    180_000,
  );
});

/**
 * A GET route's path parameter: the other region's row (`other`), or one that does not exist
 * (`other` undefined); a table key or a file name is the caller's own (`own`), so the route gets
 * as far as its rows.
 */
function readParam(param: string, before: string, other: Ids | undefined, own: Ids): string {
  const unknown = { code: 'VHVB-2099-9999', id: randomUUID() };
  switch (param) {
    case 'code':
      return other ? other.dossierCode : unknown.code;
    case 'sessionId':
      return other ? other.session : unknown.id;
    case 'itemId':
      return other ? other.item : unknown.id;
    case 'obligationId':
      return other ? other.obligation : unknown.id;
    case 'key':
    case 'tableKey':
      return own.table;
    case 'file':
    case 'token':
      return 'onbekend';
    default: {
      // `:id`: the row the segment before names; a kind of row the region has no id of here (a
      // document) is unknown both ways.
      const kind = ROW_BEFORE_ID[before];
      return other && kind ? other[kind] : unknown.id;
    }
  }
}
