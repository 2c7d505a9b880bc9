import { confidentialityNotice } from '@overlegtafels/mail';
import { pdfText } from '@overlegtafels/pdf/testing';
import { createPrismaClient } from '@overlegtafels/persistence';
import { ControlledClock } from '@overlegtafels/testing';
import { pageUser, textOf } from '../support/page-client';
import { loginAs, startTestApp, TestApp } from '../support/test-app';
import { familyInCasusregie, putPlan } from '../support/plan-van-aanpak';

/**
 * The plan van aanpak through the real use cases, over the API and the pages: a fictitious family
 * referred on Monday 23 November 2026, casusregie for Tom Peeters from the ICO of 4 December
 * (familyInCasusregie). Tom writes the plan, agendeert it on the Weegploeg
 * (version 1), updates it and agendeert the changed plan on a later Weegploeg (version 2): that
 * table sees version 2 and what changed since version 1.
 */
const clock = new ControlledClock('2026-11-23T09:00:00+01:00');
const CODE = 'CO3-2026-0007';
/** The casusregisseur's motivation in the risk picture: the plan and its PDF never carry it. */
const MOTIVATION = 'Escalatie sinds de scheiding, motivatie enkel in de risicotaxatie.';

interface PlanJson {
  profiles: string[];
  rows: { id: string; factorKey: string; actie: string; standVanZaken: string }[];
}

interface VersionJson {
  dossierCode: string;
  version: { number: number } | null;
  changes: {
    first: boolean;
    previous: { number: number } | null;
    profilesAdded: string[];
    profilesRemoved: string[];
    rowsAdded: { factor: string; bijWie: string[] }[];
    rowsRemoved: { factor: string }[];
    rowsChanged: {
      after: { id: string; standVanZaken: string; begeleiding: string };
      before: { standVanZaken: string };
      fieldLabels: string[];
    }[];
  };
  brief: { label: string; value: string }[];
}

const BRIEF = {
  whyNow: 'Twee maanden casusregie: het eerste plan.',
  domains: ['geweld', 'kind'],
  safetyAgreements: 'Veiligheidsplan met de moeder; de vader komt niet naar de woning.',
  childrenOver12Heard: 'ja',
};

describe('a plan van aanpak in two versions, each on the Weegploeg', () => {
  let t: TestApp;
  let db: ReturnType<typeof createPrismaClient>;
  let members: { id: string; label: string }[];
  let cawId: string;
  let firstItem: string;
  let secondItem: string;

  beforeAll(async () => {
    t = await startTestApp({ clock, withWorker: false });
    db = createPrismaClient(t.db.url, 1);
    cawId = (await db.organisation.findFirstOrThrow({ where: { kind: 'caw' } })).id;
    expect(
      await familyInCasusregie(t, clock, [
        { label: 'Persoon A', role: 'slachtoffer', age: 41 },
        { label: 'Persoon B', role: 'pleger', age: 43 },
        { label: 'kind 1', role: 'kind', age: 14 },
      ]),
    ).toBe(CODE);
  }, 90_000);

  afterAll(async () => {
    await db?.$disconnect();
    await t?.close();
  });

  const put = (who: Awaited<ReturnType<typeof loginAs>>, body: unknown) => putPlan(t, who, CODE, body);

  it('offers the factors of the current risk picture first, marked, and refuses a factor of no domain or another', async () => {
    const tom = await loginAs(t, 'tom.peeters@example.org');
    const before = (await (await tom.get(`/api/dossiers/${CODE}/plan-van-aanpak`)).json()) as {
      riskPicture: unknown;
      familyMembers: { id: string }[];
    };
    expect(before.riskPicture).toBeNull();
    const [a, b] = before.familyMembers.map((m) => m.id);
    const recorded = await tom.post(`/api/dossiers/${CODE}/risicotaxatie`, {
      factors: [
        { factorKey: 'geweld-escalatie', mark: 'aanwezig', motivation: MOTIVATION, clientIds: [b] },
        { factorKey: 'sociaal-geen-steun', mark: 'niet-gekend', clientIds: [a] },
      ],
    });
    expect(recorded.status).toBe(201);
    const view = (await (await tom.get(`/api/dossiers/${CODE}/plan-van-aanpak`)).json()) as {
      riskPicture: { version: number; marks: Record<string, string> };
      factorChoices: { key: string; factors: { key: string; mark: string | null }[] }[];
    };
    expect([view.riskPicture.version, view.riskPicture.marks]).toEqual([
      1,
      { 'geweld-escalatie': 'aanwezig', 'sociaal-geen-steun': 'niet-gekend' },
    ]);
    const first = (domain: string) => view.factorChoices.find((d) => d.key === domain)!.factors[0]!;
    expect([first('geweld').key, first('geweld').mark]).toEqual(['geweld-escalatie', 'aanwezig']);
    expect([first('sociale-ondersteuning').key, first('sociale-ondersteuning').mark]).toEqual([
      'sociaal-geen-steun',
      'niet-gekend',
    ]);
    expect(JSON.stringify(view)).not.toContain(MOTIVATION);

    // On the page: the picture's present factor heads its domain's options, marked.
    const page = await (
      await pageUser(t, 'tom.peeters@example.org')
    ).get(`/dossiers/${CODE}/plan-van-aanpak`);
    expect(page.status).toBe(200);
    const geweldGroup = /<optgroup label="Geweld">\s*<option value="([^"]+)">([^<]+)<\/option>/.exec(
      page.html,
    );
    expect(geweldGroup?.[1]).toBe('geweld-escalatie');
    expect(geweldGroup?.[2]).toContain('(aanwezig in de risicotaxatie)');
    expect(page.html).toContain('risicotaxatie (versie 1)');

    // The API refuses a factor the instrument does not know, or of another domain, naming the field.
    for (const [row, code] of [
      [{ domainKey: 'geweld', factorKey: 'geweld-onbekend' }, 'UNKNOWN'],
      [{ domainKey: 'geweld', factorKey: 'kind-slachtoffer-getuige' }, 'MISMATCH'],
    ] as const) {
      const res = await put(tom, { profiles: [], rows: [{ ...row, actie: 'x' }] });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ field: 'rows.0.factorKey', code });
    }
    expect(await db.planVanAanpak.count({ where: { dossier: { code: CODE } } })).toBe(0);
  });

  it('a Weegploeg plan cannot be agendered without a written plan; the draft is written on the page', async () => {
    const tom = await loginAs(t, 'tom.peeters@example.org');
    const refused = await tom.post('/api/agenderingen', {
      dossierCode: CODE,
      tableKey: 'weegploeg',
      itemType: 'plan-van-aanpak',
      questions: 'Feedback op het plan.',
      brief: BRIEF,
    });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ field: 'planVanAanpak', code: 'REQUIRED' });

    const draft = (await (await tom.get(`/api/dossiers/${CODE}/plan-van-aanpak`)).json()) as {
      familyMembers: { id: string; label: string }[];
    };
    members = draft.familyMembers;
    expect(members.map((m) => m.label)).toEqual(['Persoon A', 'Persoon B', 'kind 1']);
    const [a, b, kind] = members.map((m) => m.id);

    // Two rows by the page's forms, one refused first with its errors next to the fields and the input kept.
    const page = await pageUser(t, 'tom.peeters@example.org');
    const bad = await page.post(`/dossiers/${CODE}/plan-van-aanpak/rijen`, {
      factorKey: '',
      bijWie: a!,
      actie: 'Veiligheidsplan opmaken',
      begeleidingText: 'casusregisseur',
    });
    expect(bad.status).toBe(400);
    expect(bad.html).toContain('id="rij-nieuw-factorKey-fout"');
    expect(bad.html).toContain('Veiligheidsplan opmaken</textarea>');
    // The add-row form's one-time key: a double click adds one row (issue #15).
    const formPage = await page.get(`/dossiers/${CODE}/plan-van-aanpak`);
    const submissionKey = /id="rij-nieuw-formulier"[\s\S]*?name="submissionKey" value="([0-9a-f-]{36})"/.exec(
      formPage.html,
    )![1]!;
    const rowFields = {
      submissionKey,
      factorKey: 'geweld-escalatie',
      bijWie: b!,
      noden: 'Omgaan met spanning',
      actie: 'Agressieregulatie',
      begeleidingOrganisationId: cawId,
      standVanZaken: 'Aangemeld',
    };
    const rowsBefore = (
      (await (await tom.get(`/api/dossiers/${CODE}/plan-van-aanpak`)).json()) as {
        draft: { domains: { rows: unknown[] }[] };
      }
    ).draft.domains.flatMap((d) => d.rows).length;
    const [added, again] = await Promise.all([
      page.post(`/dossiers/${CODE}/plan-van-aanpak/rijen`, rowFields),
      page.post(`/dossiers/${CODE}/plan-van-aanpak/rijen`, rowFields),
    ]);
    expect(added.status).toBe(303);
    expect(added.location).toMatch(
      new RegExp(`^/dossiers/${CODE}/plan-van-aanpak\\?melding=toegevoegd#rij-`),
    );
    expect(again.location).toBe(added.location);
    const rowsAfter = (
      (await (await tom.get(`/api/dossiers/${CODE}/plan-van-aanpak`)).json()) as {
        draft: { domains: { rows: unknown[] }[] };
      }
    ).draft.domains.flatMap((d) => d.rows).length;
    expect(rowsAfter).toBe(rowsBefore + 1);
    const put1 = await put(tom, {
      profiles: ['situationeel-geweld'],
      rows: [
        ...(
          (await (await tom.get(`/api/dossiers/${CODE}/plan-van-aanpak`)).json()) as {
            draft: { domains: { rows: { id: string }[] }[] };
          }
        ).draft.domains
          .flatMap((d) => d.rows)
          .map((r) => ({
            id: r.id,
            domainKey: 'geweld',
            factorKey: 'geweld-escalatie',
            bijWie: [b],
            noden: 'Omgaan met spanning',
            actie: 'Agressieregulatie',
            begeleidingOrganisationId: cawId,
            standVanZaken: 'Aangemeld',
          })),
        {
          domainKey: 'kind',
          factorKey: 'kind-slachtoffer-getuige',
          bijWie: [kind],
          actie: 'Gesprek met het kind',
          begeleidingText: 'Kinderpsycholoog',
        },
        {
          domainKey: 'sociale-ondersteuning',
          factorKey: 'sociaal-geen-steun',
          bijWie: [a],
          actie: 'Netwerk in kaart',
        },
      ],
    });
    expect(put1.status).toBe(200);
    expect(((await put1.json()) as PlanJson).rows.map((r) => r.factorKey)).toEqual([
      'geweld-escalatie',
      'kind-slachtoffer-getuige',
      'sociaal-geen-steun',
    ]);
  });

  it('agendering freezes version 1 for the Weegploeg, with the answers of annex G; an upload is optional', async () => {
    const tom = await loginAs(t, 'tom.peeters@example.org');
    const res = await tom.post('/api/agenderingen', {
      dossierCode: CODE,
      tableKey: 'weegploeg',
      itemType: 'plan-van-aanpak',
      questions: 'Feedback op het plan.',
      brief: BRIEF,
    });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { agendaItemId: string; planVersion: number };
    expect(body.planVersion).toBe(1);
    firstItem = body.agendaItemId;
    const version = (await (
      await tom.get(`/api/agenda-items/${firstItem}/plan-van-aanpak`)
    ).json()) as VersionJson;
    expect(version.version?.number).toBe(1);
    expect(version.changes.first).toBe(true);
    expect(version.brief.map((l) => l.value)).toEqual([
      'Twee maanden casusregie: het eerste plan.',
      'Geweld, Kind',
      'Veiligheidsplan met de moeder; de vader komt niet naar de woning.',
      'Ja, allemaal',
    ]);
  });

  it('the changed plan on a later Weegploeg is version 2, showing the rows added, removed and changed', async () => {
    clock.set('2027-01-04T09:00:00+01:00');
    const tom = await loginAs(t, 'tom.peeters@example.org');
    const current = (await (await tom.get(`/api/dossiers/${CODE}/plan-van-aanpak`)).json()) as {
      draft: {
        domains: {
          rows: {
            id: string;
            factorKey: string;
            bijWieIds: string[];
            actie: string;
            begeleidingOrganisationId: string | null;
            begeleidingText: string | null;
            domainKey: string;
          }[];
        }[];
      };
    };
    const rows = current.draft.domains.flatMap((d) => d.rows);
    const geweld = rows.find((r) => r.factorKey === 'geweld-escalatie')!;
    const kind = rows.find((r) => r.factorKey === 'kind-slachtoffer-getuige')!;
    const [a] = members.map((m) => m.id);
    const res = await put(tom, {
      profiles: ['situationeel-geweld', 'opvoedstress'],
      rows: [
        {
          id: geweld.id,
          domainKey: 'geweld',
          factorKey: 'geweld-escalatie',
          bijWie: geweld.bijWieIds,
          noden: 'Omgaan met spanning',
          actie: 'Agressieregulatie',
          begeleidingOrganisationId: cawId,
          standVanZaken: 'Gestart, wekelijks',
        },
        {
          id: kind.id,
          domainKey: 'kind',
          factorKey: 'kind-slachtoffer-getuige',
          bijWie: kind.bijWieIds,
          actie: 'Gesprek met het kind',
          begeleidingText: 'Kinderpsycholoog',
        },
        {
          domainKey: 'geweld',
          factorKey: 'geweld-veiligheidsplan',
          bijWie: [a],
          actie: 'Veiligheidsplan evalueren',
          begeleidingText: 'CAW',
        },
      ],
    });
    expect(res.status).toBe(200);
    const agendered = await tom.post('/api/agenderingen', {
      dossierCode: CODE,
      tableKey: 'weegploeg',
      itemType: 'gewijzigd-plan-van-aanpak',
      questions: 'Het plan is fundamenteel gewijzigd.',
      brief: { ...BRIEF, whyNow: 'Het netwerk viel weg.' },
    });
    expect(agendered.status).toBe(201);
    const body = (await agendered.json()) as { agendaItemId: string; planVersion: number };
    expect(body.planVersion).toBe(2);
    secondItem = body.agendaItemId;

    const view = (await (
      await tom.get(`/api/agenda-items/${secondItem}/plan-van-aanpak`)
    ).json()) as VersionJson;
    expect(view.version?.number).toBe(2);
    expect(view.changes.first).toBe(false);
    expect(view.changes.previous?.number).toBe(1);
    expect(view.changes.profilesAdded).toEqual(['Opvoedstress']);
    expect(view.changes.profilesRemoved).toEqual([]);
    expect(view.changes.rowsAdded.map((r) => [r.factor, r.bijWie])).toEqual([
      ['Er is een effectief veiligheidsplan (het werkt in de praktijk)', ['Persoon A']],
    ]);
    expect(view.changes.rowsRemoved.map((r) => r.factor)).toEqual([
      'Er is geen versterkende sociale ondersteuning uit het eigen netwerk',
    ]);
    expect(
      view.changes.rowsChanged.map((c) => [
        c.after.id,
        c.fieldLabels,
        c.before.standVanZaken,
        c.after.standVanZaken,
        c.after.begeleiding,
      ]),
    ).toEqual([
      [geweld.id, ['Stand van zaken'], 'Aangemeld', 'Gestart, wekelijks', 'CAW Regio Noord (fictief)'],
    ]);

    // Version 1 stays as the first table saw it.
    const first = (await (
      await tom.get(`/api/agenda-items/${firstItem}/plan-van-aanpak`)
    ).json()) as VersionJson;
    expect(first.version?.number).toBe(1);
    const stored = await db.planVanAanpakVersion.findMany({
      where: { dossier: { code: CODE } },
      orderBy: { number: 'asc' },
      select: { number: true, agendaItemId: true, tableKey: true, profiles: true },
    });
    expect(stored).toEqual([
      { number: 1, agendaItemId: firstItem, tableKey: 'weegploeg', profiles: ['situationeel-geweld'] },
      {
        number: 2,
        agendaItemId: secondItem,
        tableKey: 'weegploeg',
        profiles: ['situationeel-geweld', 'opvoedstress'],
      },
    ]);

    const page = await (
      await pageUser(t, 'tom.peeters@example.org')
    ).get(`/agendapunten/${secondItem}/plan-van-aanpak`);
    expect(page.status).toBe(200);
    expect(page.html).toContain('Sinds versie 1');
    expect(page.html).toContain('IFG-profiel erbij: Opvoedstress');
    expect(page.html).toContain('<del>Aangemeld</del> <ins>Gestart, wekelijks</ins>');
  });

  it('two rows added at the same moment are both kept (the draft is locked while it is written)', async () => {
    const page = await pageUser(t, 'tom.peeters@example.org');
    const [a, b] = await Promise.all(
      ['individu-middelen', 'interactie-afhankelijkheid'].map((factorKey) =>
        page.post(`/dossiers/${CODE}/plan-van-aanpak/rijen`, { factorKey, actie: `Actie voor ${factorKey}` }),
      ),
    );
    expect([a!.status, b!.status]).toEqual([303, 303]);
    const draft = await db.planVanAanpak.findFirstOrThrow({ where: { dossier: { code: CODE } } });
    const factors = (draft.rows as { factorKey: string }[]).map((r) => r.factorKey);
    expect(factors).toEqual(expect.arrayContaining(['individu-middelen', 'interactie-afhankelijkheid']));
    expect(factors).toHaveLength(5);
  });

  it('a member of the Weegploeg sees it once the item is shared; the aanmelder never; every look is audited', async () => {
    const bram = await loginAs(t, 'bram.hermans@example.org');
    expect((await bram.get(`/api/agenda-items/${secondItem}/plan-van-aanpak`)).status).toBe(404);
    const lotte = await loginAs(t, 'lotte.verbeke@example.be');
    expect((await lotte.post(`/api/agenda-items/${secondItem}/share`, { shared: true })).status).toBe(204);
    const shared = await bram.get(`/api/agenda-items/${secondItem}/plan-van-aanpak`);
    expect(shared.status).toBe(200);
    expect(((await shared.json()) as VersionJson).changes.rowsChanged).toHaveLength(1);
    const eva = await loginAs(t, 'eva.wouters@example.org');
    expect((await eva.get(`/api/agenda-items/${secondItem}/plan-van-aanpak`)).status).toBe(404);
    expect((await eva.get(`/api/dossiers/${CODE}/plan-van-aanpak`)).status).toBe(403);
    const sara = await loginAs(t, 'sara.elidrissi@example.org');
    expect((await put(sara, { profiles: [], rows: [] })).status).toBe(403);

    const reads = await db.auditEvent.findMany({
      where: { action: 'plan-van-aanpak.version.read', entityId: secondItem },
      select: { actorPersonId: true, outcome: true },
      orderBy: { id: 'asc' },
    });
    expect(reads.map((r) => [r.actorPersonId === bram.personId, r.outcome])).toEqual([
      [false, 'allowed'],
      [false, 'allowed'],
      [true, 'denied'],
      [true, 'allowed'],
      [false, 'denied'],
    ]);
    const edits = await db.auditEvent.findMany({
      where: { action: 'plan-van-aanpak.edit', outcome: 'allowed' },
      select: { details: true },
      orderBy: { id: 'asc' },
    });
    expect(edits.map((e) => (e.details as { change: string }).change)).toEqual([
      'add-row',
      'replace',
      'replace',
      'add-row',
      'add-row',
    ]);
    expect(JSON.stringify(edits)).not.toContain('Agressieregulatie');
  });
  it('prints the second version as PDF with the difference, and nothing its reader may not see', async () => {
    const NOTICE = confidentialityNotice().document;
    const read = async (email: string, url: string) => {
      const res = await (await loginAs(t, email)).get(url);
      const bytes = Buffer.from(await res.arrayBuffer());
      return { res, bytes };
    };
    for (const [email, url] of [
      ['tom.peeters@example.org', `/agendapunten/${secondItem}/plan-van-aanpak/pdf`],
      ['bram.hermans@example.org', `/api/agenda-items/${secondItem}/plan-van-aanpak.pdf`],
    ] as const) {
      const { res, bytes } = await read(email, url);
      expect([email, res.status, res.headers.get('content-type')]).toEqual([email, 200, 'application/pdf']);
      expect(res.headers.get('content-disposition')).toBe(
        `attachment; filename="plan-van-aanpak-${CODE}-v2.pdf"`,
      );
      const pdf = await pdfText(bytes);
      pdf.pages.forEach((page) => expect(page).toContain(NOTICE));
      const text = pdf.pages.join(' ');
      expect(pdf.title).toBe(`Plan van aanpak ${CODE}, versie 2`);
      for (const shown of [
        'Sinds versie 1, besproken op de zitting van',
        'IFG-profiel erbij: Opvoedstress',
        'Nieuwe rij (Geweld)',
        'Rij geschrapt (Sociale ondersteuning)',
        'Rij gewijzigd (Geweld)',
        'Aangemeld',
        'Gestart, wekelijks',
        'Veiligheidsplan evalueren',
        'Het netwerk viel weg.',
      ]) {
        expect([email, text.includes(shown), shown]).toEqual([email, true, shown]);
      }
      // Not the draft as written after the freeze, not the risk picture's motivation.
      for (const hidden of [
        'Actie voor individu-middelen',
        'Actie voor interactie-afhankelijkheid',
        MOTIVATION,
      ]) {
        expect([email, text.includes(hidden), hidden]).toEqual([email, false, hidden]);
      }
    }
    // Nobody else: the aanmelder gets the 404 of an item that does not exist, without a PDF.
    const eva = await read('eva.wouters@example.org', `/api/agenda-items/${secondItem}/plan-van-aanpak.pdf`);
    const none = await read(
      'eva.wouters@example.org',
      '/api/agenda-items/00000000-0000-4000-8000-000000000000/plan-van-aanpak.pdf',
    );
    expect([eva.res.status, eva.bytes.toString()]).toEqual([404, none.bytes.toString()]);
    expect(eva.res.headers.get('content-type')).not.toMatch(/pdf/);
    // The page of version 2 names each row's factor by its label, as the PDF does.
    const page = await (
      await pageUser(t, 'bram.hermans@example.org')
    ).get(`/agendapunten/${secondItem}/plan-van-aanpak`);
    expect(textOf(page.html)).toContain('risico: Escalatie van het geweld');
    expect(page.html).not.toContain(MOTIVATION);
  });
});
