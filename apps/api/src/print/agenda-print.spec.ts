import type { AgendaEntry, SessionAgendaView } from '@overlegtafels/application';
import type { PrintFields, PrintParagraph } from '@overlegtafels/pdf';
import { agendaDocument, agendaFileName } from './agenda-print';

const entry = (over: Partial<AgendaEntry>): AgendaEntry => ({
  id: 'item-1',
  position: 1,
  slotStart: '2026-11-27T08:30:00.000Z',
  slotEnd: '2026-11-27T09:00:00.000Z',
  dossierCode: 'CO3-2026-0042',
  itemType: 'aanmelding',
  itemTypeLabel: 'Aanmelding',
  durationMinutes: 30,
  status: 'placed',
  broughtBy: 'Eva Wouters, Huisartsenpraktijk',
  rolledOver: false,
  pinned: false,
  overrideReason: null,
  late: false,
  shared: false,
  decision: null,
  unavailableDecisions: {},
  mayOpenDossier: false,
  contents: null,
  ...over,
});

const view = (entries: AgendaEntry[]): SessionAgendaView => ({
  session: {
    id: 'session-1',
    key: 'ico:2026-11-27',
    tableKey: 'ico',
    startsAt: '2026-11-27T08:30:00.000Z',
    endsAt: '2026-11-27T11:00:00.000Z',
    status: 'frozen',
    cancelReason: null,
    movedFrom: null,
    capacityMinutes: 150,
    usedMinutes: 60,
    items: entries.length,
    deadline: '2026-11-18T23:00:00.000Z',
    freezeAt: '2026-11-26T12:00:00.000Z',
    agendaSendAt: '2026-11-26T12:00:00.000Z',
    location: null,
    onlineMeetingUrl: null,
  },
  tableName: 'ICO',
  entries,
  coordinator: false,
});

const texts = (doc: ReturnType<typeof agendaDocument>) =>
  doc.sections.flatMap((s) => [
    s.heading,
    ...s.blocks.flatMap((b) =>
      b.kind === 'paragraph'
        ? [(b as PrintParagraph).text]
        : b.kind === 'fields'
          ? (b as PrintFields).rows.map(([l, v]) => `${l}: ${v}`)
          : b.rows.map((r) => r.join(' | ')),
    ),
  ]);

describe('the agenda as a printable document', () => {
  it('says what the page says, in Brussels time, with the contents of what the reader may see', () => {
    const doc = agendaDocument(
      view([
        entry({ shared: true, contents: { question: 'Gedeelde vraag.', document: null, guests: [] } }),
        entry({
          id: 'item-2',
          dossierCode: 'CO3-2026-0043',
          slotStart: '2026-11-27T09:00:00.000Z',
          slotEnd: '2026-11-27T09:30:00.000Z',
        }),
      ]),
      'Vertrouwelijk.',
    );
    expect(doc.title).toBe('ICO: agenda van vrijdag 27 november 2026');
    expect(doc.meta).toEqual(['09:30–12:00 · agenda definitief · 60 van 150 minuten']);
    expect(doc.notice).toBe('Vertrouwelijk.');
    expect(texts(doc)).toEqual([
      'Agendapunten',
      '09:30–10:00 | CO3-2026-0042 | Aanmelding | Eva Wouters, Huisartsenpraktijk | 30 min',
      '10:00–10:30 | CO3-2026-0043 | Aanmelding | Eva Wouters, Huisartsenpraktijk | 30 min',
      '09:30–10:00 · CO3-2026-0042 · Aanmelding',
      'Gebracht door: Eva Wouters, Huisartsenpraktijk',
      'Duur: 30 minuten',
      'Kenmerken: gedeeld met de zitting',
      'Vraag aan de tafel: Gedeelde vraag.',
      '10:00–10:30 · CO3-2026-0043 · Aanmelding',
      'Gebracht door: Eva Wouters, Huisartsenpraktijk',
      'Duur: 30 minuten',
      'De inhoud is niet gedeeld met de leden van de zitting.',
    ]);
  });

  it('says where the session is and how to join online', () => {
    const base = view([]);
    const doc = agendaDocument(
      {
        ...base,
        session: {
          ...base.session,
          location: 'Vergaderzaal 1, Voorbeeldstraat 1, 2000 Antwerpen',
          onlineMeetingUrl: 'https://meet.example.be/co3-ico',
        },
      },
      'Vertrouwelijk.',
    );
    expect(doc.meta).toEqual([
      '09:30–12:00 · agenda definitief · 60 van 150 minuten',
      'Locatie: Vergaderzaal 1, Voorbeeldstraat 1, 2000 Antwerpen',
      'Online deelnemen: https://meet.example.be/co3-ico',
    ]);
  });

  it('names the file after the table and the date only', () => {
    expect(agendaFileName(view([]))).toBe('agenda-ico-2026-11-27.pdf');
    expect(texts(agendaDocument(view([]), 'x'))).toEqual([
      'Agendapunten',
      'Er staan nog geen agendapunten op deze zitting.',
    ]);
  });
});
