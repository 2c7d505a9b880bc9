import {
  generateSessions,
  placementView,
  PlacementView,
  validateTableDefinition,
} from '@overlegtafels/domain';
import { zdt } from '@overlegtafels/domain/testing';
import { OOST_VLAANDEREN } from './oost-vlaanderen.region';

function place(submittedAt: string, type?: string): PlacementView {
  const result = placementView(OOST_VLAANDEREN, 'team-regie', submittedAt, type);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.view;
}

const teamRegie = OOST_VLAANDEREN.tables[0]!;

describe('Oost-Vlaanderen: the team regie of the three phases', () => {
  it('holds one valid table, in Brussels time, with its own dossier codes', () => {
    expect(OOST_VLAANDEREN.tables.map((t) => t.key)).toEqual(['team-regie']);
    expect(() => validateTableDefinition(teamRegie)).not.toThrow();
    expect([OOST_VLAANDEREN.timeZone, teamRegie.holidays.key, OOST_VLAANDEREN.dossierCodePrefix]).toEqual([
      'Europe/Brussels',
      'be-vlaams',
      'VHOV',
    ]);
  });

  it('discusses the items of exploratie, uitvoering and afronding, the afsluiting, and no heropening', () => {
    expect(teamRegie.itemTypes.map((i) => i.key)).toEqual([
      'aanmelding',
      'plan-van-aanpak',
      'evaluatie',
      'afronding',
      'afsluiting',
    ]);
  });

  it('seats the nine services of the network', () => {
    const standing = teamRegie.participants.flatMap((p) =>
      'organisation' in p && p.attendance === 'vast' && !('function' in p && p.function)
        ? [p.organisation]
        : [],
    );
    expect(standing).toHaveLength(9);
    expect(new Set(standing)).toEqual(
      new Set([
        'kind-en-gezin',
        'vk',
        'opgroeien',
        'ocmw',
        'caw',
        'cgg',
        'politie',
        'parket',
        'justitiehuis',
      ]),
    );
  });

  it('meets every Tuesday; in July 2026 the national holiday is cancelled', () => {
    const sessions = generateSessions(teamRegie, {
      fromMs: zdt('2026-07-01 00:00'),
      toMs: zdt('2026-07-31 23:59'),
    });
    expect(sessions.map((s) => [s.date, s.status, s.cancellation?.reason])).toEqual([
      ['2026-07-07', 'open', undefined],
      ['2026-07-14', 'open', undefined],
      ['2026-07-21', 'cancelled', 'Feestdag: Nationale feestdag'],
      ['2026-07-28', 'open', undefined],
    ]);
  });

  it('is on time until Thursday 12:00 of the week before, and skips 21 July', () => {
    expect(place('2026-07-09T11:59:59.999+02:00', 'plan-van-aanpak')).toEqual({
      region: 'oost-vlaanderen',
      table: 'team-regie',
      session: { start: '2026-07-14T09:30:00+02:00', end: '2026-07-14T12:00:00+02:00' },
      deadline: '2026-07-09T12:00:00+02:00',
      freezeAt: '2026-07-13T12:00:00+02:00',
      agendaSendAt: '2026-07-13T12:00:00+02:00',
    });
    expect(place('2026-07-09T12:00:00+02:00')).toEqual({
      region: 'oost-vlaanderen',
      table: 'team-regie',
      session: { start: '2026-07-28T09:30:00+02:00', end: '2026-07-28T12:00:00+02:00' },
      deadline: '2026-07-23T12:00:00+02:00',
      freezeAt: '2026-07-27T12:00:00+02:00',
      agendaSendAt: '2026-07-27T12:00:00+02:00',
    });
  });
});
