import { getRegion } from '@overlegtafels/regions';
import { TimelineFacts, timelineOf } from './dossier-timeline';

const region = getRegion('co3-antwerpen')!;
const NOW = new Date('2026-12-01T10:00:00Z');

const facts: TimelineFacts = {
  aanmeldingen: [
    { submittedAt: new Date('2026-11-02T09:00:00Z'), organisation: { name: 'Politie Antwerpen' } },
  ],
  agendaItems: [
    {
      tableKey: 'ico',
      itemType: 'aanmelding',
      slotStart: new Date('2026-11-06T09:30:00Z'),
      status: 'discussed',
      session: { startsAt: new Date('2026-11-06T09:00:00Z'), status: 'held' },
    },
    {
      tableKey: 'weegploeg',
      itemType: 'plan-van-aanpak',
      slotStart: null,
      status: 'placed',
      session: { startsAt: new Date('2026-12-08T13:00:00Z'), status: 'planned' },
    },
    {
      tableKey: 'ronde-tafel',
      itemType: 'vraag',
      slotStart: new Date('2026-12-03T08:00:00Z'),
      status: 'withdrawn',
      session: { startsAt: new Date('2026-12-03T08:00:00Z'), status: 'sent' },
    },
  ],
  decisions: [
    {
      decidedAt: new Date('2026-11-06T11:00:00Z'),
      kind: 'met_casusregie',
      casusregisseur: { displayName: 'Sara' },
      startDate: new Date('2026-11-06T00:00:00Z'),
      terugkomdatum: null,
    },
  ],
};

describe('timelineOf', () => {
  it('tells the aanmelding, the agendapunten with their state and the decisions, oldest first', () => {
    expect(timelineOf(facts, region, NOW)).toEqual([
      {
        at: '2026-11-02T09:00:00.000Z',
        kind: 'aanmelding',
        title: 'Aanmelding ingediend',
        detail: 'Politie Antwerpen',
        planned: false,
      },
      {
        at: '2026-11-06T09:30:00.000Z',
        kind: 'agendapunt',
        title: 'Verkennend casusoverleg (ICO): Aanmelding',
        detail: '6 november 2026 10:30 (besproken)',
        planned: false,
      },
      {
        at: '2026-11-06T11:00:00.000Z',
        kind: 'beslissing',
        title: expect.stringMatching(/^Beslissing: /),
        detail: 'casusregisseur Sara, start 2026-11-06',
        planned: false,
      },
      {
        at: '2026-12-03T08:00:00.000Z',
        kind: 'agendapunt',
        title: 'Ronde Tafel: Vraag (info- of expertisedeling)',
        detail: '3 december 2026 09:00 (ingetrokken)',
        planned: true,
      },
      {
        // Without a slot yet: the session's start, and provisional while the session is planned.
        at: '2026-12-08T13:00:00.000Z',
        kind: 'agendapunt',
        title: 'Weegploeg: Plan van aanpak',
        detail: '8 december 2026 14:00 (onder voorbehoud)',
        planned: true,
      },
    ]);
  });

  it('an empty dossier has an empty timeline', () => {
    expect(timelineOf({ aanmeldingen: [], agendaItems: [], decisions: [] }, region, NOW)).toEqual([]);
  });
});

describe('timelineOf: what the casusregisseur recorded', () => {
  it('tells the consent, every child over 12 and the consulent consulted about the afronding', () => {
    const recorded: TimelineFacts = {
      aanmeldingen: [],
      agendaItems: [],
      decisions: [],
      consentVerifiedAt: new Date('2026-11-17T23:00:00Z'),
      consentGivenBy: 'moeder',
      consentVerifiedBy: { displayName: 'Sara' },
      casusregieStartDate: new Date('2026-11-18T00:00:00Z'),
      childHearings: [
        {
          label: 'kind 1, 14 jaar',
          heardOn: new Date('2026-11-24T00:00:00Z'),
          notHeardReason: null,
          recordedAt: new Date('2026-11-24T15:00:00Z'),
          recordedBy: { displayName: 'Sara' },
        },
        {
          label: 'kind 2, 16 jaar',
          heardOn: null,
          notHeardReason: 'Verblijft in het buitenland tot januari.',
          recordedAt: new Date('2026-11-25T09:00:00Z'),
          recordedBy: { displayName: 'Sara' },
        },
      ],
      consulentConsultedOn: new Date('2026-11-30T00:00:00Z'),
      consulentConsultationNote: 'Afgestemd over de afronding.',
      consulentConsultedBy: { displayName: 'Sara' },
    };
    expect(timelineOf(recorded, region, NOW)).toEqual([
      {
        at: '2026-11-17T23:00:00.000Z',
        kind: 'casusregie',
        title: 'Instemming van een volwassen gezinslid geregistreerd',
        detail: 'gegeven door: moeder, nagegaan door Sara, casusregie gestart op 18 november 2026',
        planned: false,
      },
      {
        at: '2026-11-24T15:00:00.000Z',
        kind: 'casusregie',
        title: 'Kind gehoord: kind 1, 14 jaar',
        detail: 'gesprek op 24 november 2026, geregistreerd door Sara',
        planned: false,
      },
      {
        at: '2026-11-25T09:00:00.000Z',
        kind: 'casusregie',
        title: 'Kind niet gehoord: kind 2, 16 jaar',
        detail: 'Verblijft in het buitenland tot januari. (geregistreerd door Sara)',
        planned: false,
      },
      {
        // Midnight of 30 November in Brussels.
        at: '2026-11-29T23:00:00.000Z',
        kind: 'casusregie',
        title: 'Consulent geconsulteerd over de afronding',
        detail: 'Afgestemd over de afronding. – door Sara',
        planned: false,
      },
    ]);
  });
});
