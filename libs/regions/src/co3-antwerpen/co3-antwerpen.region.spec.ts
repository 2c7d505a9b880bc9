import {
  findRiskFactor,
  generateSessions,
  placementView,
  PlacementView,
  riskInstrumentProblems,
  validateTableDefinition,
} from '@overlegtafels/domain';
import { zdt } from '@overlegtafels/domain/testing';
import { co3Antwerpen, CO3_ANTWERPEN } from './co3-antwerpen.region';

/** The placement JSON for a submission, failing the test when the engine refuses it. */
function place(table: string, submittedAt: string, region = CO3_ANTWERPEN): PlacementView {
  const result = placementView(region, table, submittedAt);
  if (!result.ok) throw new Error(`expected a placement, got ${JSON.stringify(result.error)}`);
  return result.view;
}

function sessionStart(table: string, submittedAt: string): string {
  return place(table, submittedAt).session.start;
}

function table(key: string) {
  const found = CO3_ANTWERPEN.tables.find((t) => t.key === key);
  if (!found) throw new Error(`no table ${key}`);
  return found;
}

describe('CO3 Antwerpen configuration', () => {
  it('holds three valid tables', () => {
    expect(CO3_ANTWERPEN.tables.map((t) => t.key)).toEqual(['ico', 'weegploeg', 'ronde-tafel']);
    for (const t of CO3_ANTWERPEN.tables) expect(() => validateTableDefinition(t)).not.toThrow();
  });

  it('gives the durations of the guide', () => {
    const minutes = (key: string) =>
      Object.fromEntries(table(key).itemTypes.map((type) => [type.key, type.durationMinutes]));
    expect(minutes('ico')).toMatchObject({ aanmelding: 30 });
    expect(minutes('weegploeg')).toEqual({
      'plan-van-aanpak': 30,
      'gewijzigd-plan-van-aanpak': 30,
      afronding: 15,
    });
    expect(minutes('ronde-tafel')).toEqual({
      vraag: 20,
      opvolging: 20,
      'tussentijdse-evaluatie': 20,
      afsluiting: 5,
    });
  });
});

describe('ICO: Fridays 09:30–12:00, on time until Thursday 24:00 of the week before', () => {
  it('places an aanmelding of Monday on the Friday of the next week', () => {
    expect(place('ico', '2026-11-16T10:00:00+01:00')).toEqual({
      region: 'co3-antwerpen',
      table: 'ico',
      session: { start: '2026-11-27T09:30:00+01:00', end: '2026-11-27T12:00:00+01:00' },
      deadline: '2026-11-20T00:00:00+01:00',
      freezeAt: '2026-11-26T13:00:00+01:00',
      agendaSendAt: '2026-11-26T13:00:00+01:00',
    });
  });

  it('keeps an aanmelding of Thursday a millisecond before midnight on that Friday', () => {
    expect(sessionStart('ico', '2026-11-19T23:59:59.999+01:00')).toBe('2026-11-27T09:30:00+01:00');
  });

  it('lets an aanmelding at Friday 00:00 sharp wait for the next window', () => {
    const view = place('ico', '2026-11-20T00:00:00+01:00');
    expect(view.session.start).toBe('2026-12-04T09:30:00+01:00');
    expect(view.deadline).toBe('2026-11-27T00:00:00+01:00');
    expect(view.freezeAt).toBe('2026-12-03T13:00:00+01:00');
  });

  it('lets an aanmelding a millisecond after the deadline wait as well', () => {
    expect(sessionStart('ico', '2026-11-20T00:00:00.001+01:00')).toBe('2026-12-04T09:30:00+01:00');
  });

  it('lets aanmeldingen of Friday, Saturday and Sunday wait for the next window', () => {
    for (const at of [
      '2026-11-20T10:00:00+01:00',
      '2026-11-21T15:00:00+01:00',
      '2026-11-22T23:00:00+01:00',
    ]) {
      expect(sessionStart('ico', at)).toBe('2026-12-04T09:30:00+01:00');
    }
  });
});

describe('Weegploeg: every other Tuesday 13:00–16:00 from 2026-01-13, on time until Monday 12:00 eight days before', () => {
  it('answers the example of the issue', () => {
    expect(JSON.stringify(place('weegploeg', '2026-11-20T10:00:00+01:00'))).toBe(
      '{"region":"co3-antwerpen","table":"weegploeg","session":{"start":"2026-12-01T13:00:00+01:00","end":"2026-12-01T16:00:00+01:00"},"deadline":"2026-11-23T12:00:00+01:00","freezeAt":"2026-11-26T12:00:00+01:00","agendaSendAt":"2026-11-26T12:00:00+01:00"}',
    );
  });

  it('starts the series on 2026-01-13 and repeats every fourteen days', () => {
    const sessions = generateSessions(table('weegploeg'), {
      fromMs: zdt('2026-01-01 00:00'),
      toMs: zdt('2026-03-01 00:00'),
    });
    expect(sessions.map((s) => s.date)).toEqual(['2026-01-13', '2026-01-27', '2026-02-10', '2026-02-24']);
  });

  it('takes a plan van aanpak a millisecond before Monday 12:00', () => {
    expect(sessionStart('weegploeg', '2026-11-23T11:59:59.999+01:00')).toBe('2026-12-01T13:00:00+01:00');
  });

  it('moves a plan van aanpak of Monday 12:00 sharp to the next Weegploeg', () => {
    const view = place('weegploeg', '2026-11-23T12:00:00+01:00');
    expect(view.session.start).toBe('2026-12-15T13:00:00+01:00');
    expect(view.deadline).toBe('2026-12-07T12:00:00+01:00');
    expect(view.agendaSendAt).toBe('2026-12-10T12:00:00+01:00');
    expect(view.freezeAt).toBe('2026-12-10T12:00:00+01:00');
  });

  it('moves a plan van aanpak a millisecond after the deadline too', () => {
    expect(sessionStart('weegploeg', '2026-11-23T12:00:00.001+01:00')).toBe('2026-12-15T13:00:00+01:00');
  });

  it('sends the agenda on the Monday of the session week when so configured', () => {
    const mondayRegion = co3Antwerpen({ weegploegAgendaSend: 'maandag' });
    const view = place('weegploeg', '2026-11-20T10:00:00+01:00', mondayRegion);
    expect(view.deadline).toBe('2026-11-23T12:00:00+01:00');
    expect(view.agendaSendAt).toBe('2026-11-30T12:00:00+01:00');
    expect(view.freezeAt).toBe('2026-11-30T12:00:00+01:00');
  });

  it('requests the documents on the afternoon of the previous Weegploeg', () => {
    const [session] = generateSessions(table('weegploeg'), {
      fromMs: zdt('2026-12-01 00:00'),
      toMs: zdt('2026-12-02 00:00'),
    });
    expect(session?.preparationStartMs).toBe(zdt('2026-11-17 16:00'));
  });
});

describe('Ronde Tafel: Thursdays 09:15–12:00, on time until Friday 12:00 six days before', () => {
  it('places a vraag of Wednesday on the Thursday of the next week', () => {
    expect(place('ronde-tafel', '2026-11-18T09:00:00+01:00')).toEqual({
      region: 'co3-antwerpen',
      table: 'ronde-tafel',
      session: { start: '2026-11-26T09:15:00+01:00', end: '2026-11-26T12:00:00+01:00' },
      deadline: '2026-11-20T12:00:00+01:00',
      freezeAt: '2026-11-23T12:00:00+01:00',
      agendaSendAt: '2026-11-23T12:00:00+01:00',
    });
  });

  it('draws the line at Friday 12:00 sharp', () => {
    expect(sessionStart('ronde-tafel', '2026-11-20T11:59:59.999+01:00')).toBe('2026-11-26T09:15:00+01:00');
    expect(sessionStart('ronde-tafel', '2026-11-20T12:00:00+01:00')).toBe('2026-12-03T09:15:00+01:00');
    expect(sessionStart('ronde-tafel', '2026-11-20T12:00:00.001+01:00')).toBe('2026-12-03T09:15:00+01:00');
  });

  it('starts preparation when the agendering window closes', () => {
    const [session] = generateSessions(table('ronde-tafel'), {
      fromMs: zdt('2026-11-26 00:00'),
      toMs: zdt('2026-11-27 00:00'),
    });
    expect(session?.preparationStartMs).toBe(zdt('2026-11-20 12:00'));
  });
});

describe('summer time starts (Sunday 2026-03-29)', () => {
  it('gives the ICO after the change a winter-time deadline and summer-time freeze', () => {
    expect(place('ico', '2026-03-26T23:59:59.999+01:00')).toEqual({
      region: 'co3-antwerpen',
      table: 'ico',
      session: { start: '2026-04-03T09:30:00+02:00', end: '2026-04-03T12:00:00+02:00' },
      deadline: '2026-03-27T00:00:00+01:00',
      freezeAt: '2026-04-02T13:00:00+02:00',
      agendaSendAt: '2026-04-02T13:00:00+02:00',
    });
  });

  it('keeps the Weegploeg deadline at Monday 12:00 wall time after the change', () => {
    const view = place('weegploeg', '2026-03-24T13:00:00+01:00');
    expect(view.session.start).toBe('2026-04-07T13:00:00+02:00');
    expect(view.deadline).toBe('2026-03-30T12:00:00+02:00');
    expect(view.agendaSendAt).toBe('2026-04-02T12:00:00+02:00');
  });

  it('places a Ronde Tafel vraag of the Friday before the change on the Thursday after it', () => {
    const view = place('ronde-tafel', '2026-03-27T11:00:00+01:00');
    expect(view.session.start).toBe('2026-04-02T09:15:00+02:00');
    expect(view.deadline).toBe('2026-03-27T12:00:00+01:00');
    expect(view.agendaSendAt).toBe('2026-03-30T12:00:00+02:00');
  });

  it('compares a submission in UTC with the summer-time deadline', () => {
    expect(sessionStart('weegploeg', '2026-03-30T09:59:59.999Z')).toBe('2026-04-07T13:00:00+02:00');
    expect(sessionStart('weegploeg', '2026-03-30T10:00:00Z')).toBe('2026-04-21T13:00:00+02:00');
  });
});

describe('summer time ends (Sunday 2026-10-25)', () => {
  it('gives the ICO after the change a summer-time deadline and winter-time freeze', () => {
    expect(place('ico', '2026-10-22T12:00:00+02:00')).toEqual({
      region: 'co3-antwerpen',
      table: 'ico',
      session: { start: '2026-10-30T09:30:00+01:00', end: '2026-10-30T12:00:00+01:00' },
      deadline: '2026-10-23T00:00:00+02:00',
      freezeAt: '2026-10-29T13:00:00+01:00',
      agendaSendAt: '2026-10-29T13:00:00+01:00',
    });
  });

  it('keeps the Weegploeg times on the wall clock across the change', () => {
    const view = place('weegploeg', '2026-10-20T17:00:00+02:00');
    expect(view.session.start).toBe('2026-11-03T13:00:00+01:00');
    expect(view.deadline).toBe('2026-10-26T12:00:00+01:00');
    expect(view.agendaSendAt).toBe('2026-10-29T12:00:00+01:00');
  });

  it('places a Ronde Tafel vraag across the change', () => {
    const view = place('ronde-tafel', '2026-10-23T11:59:59.999+02:00');
    expect(view.session.start).toBe('2026-10-29T09:15:00+01:00');
    expect(view.deadline).toBe('2026-10-23T12:00:00+02:00');
    expect(view.agendaSendAt).toBe('2026-10-26T12:00:00+01:00');
  });

  it('reads the repeated hour of the night by its offset', () => {
    // 02:30 happens twice; both are long before any deadline that week.
    expect(sessionStart('ico', '2026-10-25T02:30:00+02:00')).toBe('2026-11-06T09:30:00+01:00');
    expect(sessionStart('ico', '2026-10-25T02:30:00+01:00')).toBe('2026-11-06T09:30:00+01:00');
  });
});

describe('holidays cancel sessions; deadlines stay where they are', () => {
  it('skips the ICO of Christmas and of New Year 2027 (both Fridays)', () => {
    const view = place('ico', '2026-12-15T10:00:00+01:00');
    expect(view.session.start).toBe('2027-01-08T09:30:00+01:00');
    expect(view.deadline).toBe('2027-01-01T00:00:00+01:00');
    expect(view.freezeAt).toBe('2027-01-07T13:00:00+01:00');
  });

  it('keeps an aanmelding of Thursday 10 December on the ICO of 18 December', () => {
    expect(sessionStart('ico', '2026-12-10T23:00:00+01:00')).toBe('2026-12-18T09:30:00+01:00');
    expect(sessionStart('ico', '2026-12-11T10:00:00+01:00')).toBe('2027-01-08T09:30:00+01:00');
  });

  it('lists the Christmas and New Year ICO as cancelled, with the holiday as reason', () => {
    const sessions = generateSessions(table('ico'), {
      fromMs: zdt('2026-12-18 00:00'),
      toMs: zdt('2027-01-09 00:00'),
    });
    expect(sessions.map((s) => [s.date, s.status, s.cancellation?.reason])).toEqual([
      ['2026-12-18', 'open', undefined],
      ['2026-12-25', 'cancelled', 'Feestdag: Kerstmis'],
      ['2027-01-01', 'cancelled', 'Feestdag: Nieuwjaar'],
      ['2027-01-08', 'open', undefined],
    ]);
  });

  it('skips the Ronde Tafel of Ascension Thursday 2026-05-14', () => {
    const view = place('ronde-tafel', '2026-05-08T11:00:00+02:00');
    expect(view.session.start).toBe('2026-05-21T09:15:00+02:00');
    expect(view.deadline).toBe('2026-05-15T12:00:00+02:00');
    expect(view.agendaSendAt).toBe('2026-05-18T12:00:00+02:00');
  });

  it('skips the Ronde Tafel of Ascension Thursday 2027-05-06', () => {
    expect(sessionStart('ronde-tafel', '2027-04-30T11:00:00+02:00')).toBe('2027-05-13T09:15:00+02:00');
  });

  it('skips the Weegploeg of 11 July 2028, the Flemish holiday', () => {
    const view = place('weegploeg', '2028-07-01T10:00:00+02:00');
    expect(view.session.start).toBe('2028-07-25T13:00:00+02:00');
    expect(view.deadline).toBe('2028-07-17T12:00:00+02:00');
    expect(view.agendaSendAt).toBe('2028-07-20T12:00:00+02:00');
  });

  it('skips the ICO of Labour Day, Friday 2026-05-01', () => {
    expect(sessionStart('ico', '2026-04-20T10:00:00+02:00')).toBe('2026-05-08T09:30:00+02:00');
  });

  it('does not move a deadline that falls on a holiday', () => {
    // Ronde Tafel of Thursday 2027-01-07: its deadline is Friday 1 January 12:00.
    const view = place('ronde-tafel', '2026-12-31T10:00:00+01:00');
    expect(view.session.start).toBe('2027-01-07T09:15:00+01:00');
    expect(view.deadline).toBe('2027-01-01T12:00:00+01:00');
    expect(view.agendaSendAt).toBe('2027-01-04T12:00:00+01:00');
  });
});

describe('year ends', () => {
  it('counts "the week before" across ISO week 53 of 2026', () => {
    // Ronde Tafel of Thursday 2026-12-31 (week 53): deadline Friday of week 52, Christmas Day.
    const view = place('ronde-tafel', '2026-12-24T18:00:00+01:00');
    expect(view.session.start).toBe('2026-12-31T09:15:00+01:00');
    expect(view.deadline).toBe('2026-12-25T12:00:00+01:00');
    expect(view.agendaSendAt).toBe('2026-12-28T12:00:00+01:00');
  });

  it('puts the Weegploeg of week 53 and the first of 2027 two weeks apart', () => {
    expect(place('weegploeg', '2026-12-21T11:00:00+01:00').session.start).toBe('2026-12-29T13:00:00+01:00');
    const first2027 = place('weegploeg', '2026-12-21T12:00:00+01:00');
    expect(first2027.session.start).toBe('2027-01-12T13:00:00+01:00');
    expect(first2027.deadline).toBe('2027-01-04T12:00:00+01:00');
    expect(first2027.agendaSendAt).toBe('2027-01-07T12:00:00+01:00');
  });

  it('crosses from 2027 into 2028', () => {
    // ICO of Friday 2027-12-31; 2028-01-07 is the first Friday of 2028.
    expect(sessionStart('ico', '2027-12-23T23:59:59.999+01:00')).toBe('2027-12-31T09:30:00+01:00');
    expect(sessionStart('ico', '2027-12-24T00:00:00+01:00')).toBe('2028-01-07T09:30:00+01:00');
  });
});

describe('submissions in other offsets', () => {
  it('treats Z and +00:00 as the same instant as Brussels time', () => {
    const brussels = place('weegploeg', '2026-11-23T11:59:59.999+01:00');
    expect(place('weegploeg', '2026-11-23T10:59:59.999Z')).toEqual(brussels);
    expect(place('weegploeg', '2026-11-23T10:59:59.999+00:00')).toEqual(brussels);
  });

  it('finds the deadline instant whatever the offset it is written in', () => {
    for (const at of [
      '2026-11-23T11:00:00Z',
      '2026-11-23T11:00:00+00:00',
      '2026-11-23T06:00:00-05:00',
      '2026-11-23T20:00:00+09:00',
    ]) {
      expect(sessionStart('weegploeg', at)).toBe('2026-12-15T13:00:00+01:00');
    }
  });

  it('answers in Brussels time for an instant given in New York time', () => {
    const view = place('ico', '2026-11-19T17:59:59.999-05:00');
    expect(view.session.start).toBe('2026-11-27T09:30:00+01:00');
    expect(view.deadline).toBe('2026-11-20T00:00:00+01:00');
  });
});

describe('CO3 Antwerpen after the ICO', () => {
  it('mails the criminologists at a fictitious example.be mailbox', () => {
    expect(CO3_ANTWERPEN.criminologenMailbox).toBe('criminologen@co3.example.be');
  });

  it('lets only police, parket and the family-oriented help services go on without casusregisseur (I.I)', () => {
    expect(CO3_ANTWERPEN.zonderCasusregisseurAanmelders).toEqual([
      'politie',
      'parket',
      'caw',
      'vk',
      'opgroeien',
    ]);
  });
});

describe('CO3 Antwerpen risk instrument (annex E)', () => {
  const instrument = CO3_ANTWERPEN.riskInstrument!;

  it('has the kijkschema’s six domains in its order', () => {
    expect(instrument.domains.map((d) => d.key)).toEqual([
      'geweld',
      'individu',
      'interactie',
      'professionele-ondersteuning',
      'sociale-ondersteuning',
      'kind',
    ]);
  });

  it('has the guide’s number of risk and protective factors per domain and no duplicate key', () => {
    expect(instrument.domains.map((d) => [d.riskFactors.length, d.protectiveFactors.length])).toEqual([
      [4, 3],
      [4, 4],
      [3, 4],
      [2, 3],
      [2, 4],
      [4, 3],
    ]);
    expect(riskInstrumentProblems(instrument)).toEqual([]);
  });

  it('finds a factor with its domain and kind, and nothing for an unknown key', () => {
    const found = findRiskFactor(instrument, 'kind-slachtoffer-getuige');
    expect(found?.domain.key).toBe('kind');
    expect(found?.kind).toBe('risico');
    expect(findRiskFactor(instrument, 'sociaal-controle')?.kind).toBe('beschermend');
    expect(findRiskFactor(instrument, 'bestaat-niet')).toBeUndefined();
  });

  it('names the five IFG profiles of the plan van aanpak', () => {
    expect(instrument.profiles.map((p) => p.key)).toEqual([
      'intiem-terrorisme',
      'situationeel-geweld',
      'opvoedstress',
      'langdurige-zorg',
      'vechtscheiding',
    ]);
  });

  it('reports a duplicate factor key and an empty domain', () => {
    const broken = {
      ...instrument,
      domains: [
        ...instrument.domains,
        { key: 'leeg', label: 'Leeg', riskFactors: [], protectiveFactors: [] },
        {
          key: 'dubbel',
          label: 'Dubbel',
          riskFactors: [{ key: 'geweld-angst', label: 'x' }],
          protectiveFactors: [],
        },
      ],
    };
    expect(riskInstrumentProblems(broken)).toEqual([
      'domain leeg has no factors',
      'factor geweld-angst appears twice',
    ]);
  });
});
