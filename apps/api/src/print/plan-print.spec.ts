import type { PlanRowView, PlanVersionPage } from '@overlegtafels/application';
import type { PrintBlock } from '@overlegtafels/pdf';
import { planDocument, planFileName } from './plan-print';

const row = (over: Partial<PlanRowView>): PlanRowView => ({
  id: 'row-1',
  domainKey: 'geweld',
  domain: 'Geweld',
  factorKey: 'geweld-escalatie',
  factor: 'Escalatie van het geweld',
  kind: 'risico',
  bijWieIds: ['m1'],
  bijWie: ['Persoon A'],
  noden: 'Veiligheid',
  aanpakOpMaat: 'Veiligheidsplan',
  actie: 'Veiligheidsplan opvolgen',
  begeleidingOrganisationId: null,
  begeleidingText: 'CAW',
  begeleiding: 'CAW',
  standVanZaken: 'Loopt',
  ...over,
});

const before = row({});
const after = row({ actie: 'Veiligheidsplan herzien', standVanZaken: 'Herzien' });

const view: PlanVersionPage = {
  dossierCode: 'CO3-2026-0001',
  agendaItemId: 'item-2',
  tableKey: 'weegploeg',
  tableName: 'Weegploeg',
  itemTypeLabel: 'Plan van aanpak',
  sessionStartsAt: new Date('2026-12-15T12:00:00Z'),
  question: 'Is het plan haalbaar?',
  brief: [{ label: 'Waarom nu?', value: 'Tweede versie.' }],
  version: {
    number: 2,
    frozenAt: new Date('2026-12-03T09:00:00Z'),
    plan: {
      profiles: [{ key: 'situationeel-geweld', label: 'Situationeel geweld' }],
      domains: [{ key: 'geweld', label: 'Geweld', rows: [after] }],
      rowCount: 1,
    },
  },
  changes: {
    first: false,
    unchanged: false,
    previous: { number: 1, sessionStartsAt: new Date('2026-12-01T12:00:00Z') },
    profilesAdded: ['Intiem terrorisme'],
    profilesRemoved: [],
    rowsAdded: [],
    rowsRemoved: [row({ id: 'row-0', factor: 'Isolement', bijWie: ['Persoon B'] })],
    rowsChanged: [
      { before, after, fields: ['actie', 'standVanZaken'], fieldLabels: ['Actie', 'Stand van zaken'] },
    ],
  },
};

const lines = (blocks: readonly PrintBlock[]) =>
  blocks.flatMap((b) =>
    b.kind === 'paragraph'
      ? [b.text]
      : b.kind === 'fields'
        ? b.rows.map(([l, v]) => `${l} ${v}`)
        : b.rows.map((r) => r.join(' | ')),
  );

describe('the plan van aanpak as a printable document', () => {
  const doc = planDocument(view, 'Vertrouwelijk.');

  it('is landscape, titled by code and version, with the agendering’s answers', () => {
    expect(doc.landscape).toBe(true);
    expect(doc.title).toBe('Plan van aanpak CO3-2026-0001, versie 2');
    expect(doc.meta).toEqual(['Weegploeg: Plan van aanpak, zitting van dinsdag 15 december 2026 om 13:00']);
    expect(lines(doc.sections[0]!.blocks)).toEqual([
      'Vraag aan de tafel Is het plan haalbaar?',
      'Waarom nu? Tweede versie.',
    ]);
    expect(planFileName(view)).toBe('plan-van-aanpak-CO3-2026-0001-v2.pdf');
  });

  it('says what changed since the version the table saw, each changed field before and after', () => {
    const changes = doc.sections.find((s) => s.heading === 'Wat veranderde')!;
    expect(lines(changes.blocks)).toEqual([
      'Sinds versie 1, besproken op de zitting van dinsdag 1 december 2026 om 13:00:',
      '• IFG-profiel erbij: Intiem terrorisme',
      '• Rij geschrapt (Geweld): Isolement, bij Persoon B',
      '• Rij gewijzigd (Geweld): Escalatie van het geweld — actie, stand van zaken',
      'Actie | Veiligheidsplan opvolgen | Veiligheidsplan herzien',
      'Stand van zaken | Loopt | Herzien',
    ]);
  });

  it('prints the rows per domain with the page’s seven columns', () => {
    const geweld = doc.sections.find((s) => s.heading === 'Geweld')!;
    const [rows] = geweld.blocks;
    expect(rows!.kind === 'table' && rows!.columns.map((c) => c.header)).toEqual([
      'Factor',
      'Bij wie',
      'Noden',
      'Aanpak op maat',
      'Actie',
      'Begeleiding',
      'Stand van zaken',
    ]);
    expect(lines(geweld.blocks)).toEqual([
      'risico: Escalatie van het geweld | Persoon A | Veiligheid | Veiligheidsplan | Veiligheidsplan herzien | CAW | Herzien',
    ]);
  });

  it('says so when the item brought no written plan', () => {
    const none = planDocument({ ...view, version: null, changes: null }, 'x');
    expect(none.title).toBe('Plan van aanpak CO3-2026-0001');
    expect(lines(none.sections[1]!.blocks)).toEqual([
      'Bij dit agendapunt hoort geen geschreven plan van aanpak.',
    ]);
  });
});
