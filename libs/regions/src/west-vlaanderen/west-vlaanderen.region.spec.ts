import {
  generateSessions,
  placementView,
  PlacementView,
  validateTableDefinition,
} from '@overlegtafels/domain';
import { zdt } from '@overlegtafels/domain/testing';
import { WEST_VLAANDEREN } from './west-vlaanderen.region';

function place(submittedAt: string, type?: string): PlacementView {
  const result = placementView(WEST_VLAANDEREN, 'overlegtafel', submittedAt, type);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.view;
}

const overlegtafel = WEST_VLAANDEREN.tables[0]!;

describe('West-Vlaanderen: one overlegtafel with fixed representatives', () => {
  it('holds one valid table, in Brussels time, with its own dossier codes', () => {
    expect(WEST_VLAANDEREN.tables.map((t) => t.key)).toEqual(['overlegtafel']);
    expect(() => validateTableDefinition(overlegtafel)).not.toThrow();
    expect([WEST_VLAANDEREN.timeZone, overlegtafel.holidays.key, WEST_VLAANDEREN.dossierCodePrefix]).toEqual([
      'Europe/Brussels',
      'be-vlaams',
      'KIWV',
    ]);
  });

  it('seats the partners the leaflet names as standing members, Kind en Gezin or the CLB on call', () => {
    const standing = overlegtafel.participants.flatMap((p) =>
      'organisation' in p && p.attendance === 'vast' ? [p.organisation] : [],
    );
    expect(standing).toEqual([
      'ketenteam',
      'caw',
      'vk',
      'opgroeien',
      'cgg',
      'justitiehuis',
      'parket',
      'politie',
      'stad',
    ]);
    expect(overlegtafel.participants).toContainEqual({
      organisation: 'kind-en-gezin',
      attendance: 'op-afroep',
    });
    expect(overlegtafel.participants).toContainEqual({ organisation: 'clb', attendance: 'op-afroep' });
    expect(overlegtafel.participants).toContainEqual({
      role: 'casusregisseur',
      attendance: 'eigen-agendapunt',
    });
  });

  it('records no risk picture: the RTI is named by the source, not given', () => {
    expect(WEST_VLAANDEREN.riskInstrument).toBeUndefined();
  });

  it('meets every other Monday; in April 2026 Easter Monday is cancelled', () => {
    const sessions = generateSessions(overlegtafel, {
      fromMs: zdt('2026-04-01 00:00'),
      toMs: zdt('2026-05-31 00:00'),
    });
    expect(sessions.map((s) => [s.date, s.status, s.cancellation?.reason])).toEqual([
      ['2026-04-06', 'cancelled', 'Feestdag: Paasmaandag'],
      ['2026-04-20', 'open', undefined],
      ['2026-05-04', 'open', undefined],
      ['2026-05-18', 'open', undefined],
    ]);
  });

  it('places an aanmelding that missed nothing but Easter Monday on the overlegtafel of 20 April', () => {
    expect(place('2026-03-24T10:00:00+01:00', 'aanmelding')).toEqual({
      region: 'west-vlaanderen',
      table: 'overlegtafel',
      session: { start: '2026-04-20T13:30:00+02:00', end: '2026-04-20T16:30:00+02:00' },
      deadline: '2026-04-14T12:00:00+02:00',
      freezeAt: '2026-04-16T12:00:00+02:00',
      agendaSendAt: '2026-04-17T10:00:00+02:00',
    });
  });

  it('is on time until Tuesday 12:00 of the week before', () => {
    expect(place('2026-04-28T11:59:59.999+02:00').session.start).toBe('2026-05-04T13:30:00+02:00');
    expect(place('2026-04-28T12:00:00+02:00')).toMatchObject({
      session: { start: '2026-05-18T13:30:00+02:00' },
      deadline: '2026-05-12T12:00:00+02:00',
    });
  });
});
