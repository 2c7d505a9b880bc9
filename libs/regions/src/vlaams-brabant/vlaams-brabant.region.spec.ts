import { placementView, PlacementView, validateTableDefinition } from '@overlegtafels/domain';
import { VLAAMS_BRABANT } from './vlaams-brabant.region';

function place(table: string, submittedAt: string): PlacementView {
  const result = placementView(VLAAMS_BRABANT, table, submittedAt);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.view;
}

describe('a second region is configuration only', () => {
  it('holds valid tables', () => {
    for (const table of VLAAMS_BRABANT.tables) expect(() => validateTableDefinition(table)).not.toThrow();
  });

  it('places an aanmelding for the triage overleg of the same week until Monday 17:00', () => {
    expect(place('triage-overleg', '2026-11-16T16:59:59.999+01:00')).toEqual({
      region: 'vlaams-brabant',
      table: 'triage-overleg',
      session: { start: '2026-11-18T10:00:00+01:00', end: '2026-11-18T12:00:00+01:00' },
      deadline: '2026-11-16T17:00:00+01:00',
      freezeAt: '2026-11-17T12:00:00+01:00',
      agendaSendAt: '2026-11-17T12:00:00+01:00',
    });
    expect(place('triage-overleg', '2026-11-16T17:00:00+01:00').session.start).toBe(
      '2026-11-25T10:00:00+01:00',
    );
  });

  it('runs a four-weekly casusoverleg with the agenda sent two hours after the freeze', () => {
    expect(place('casusoverleg-spoor-3', '2026-03-01T10:00:00+01:00')).toEqual({
      region: 'vlaams-brabant',
      table: 'casusoverleg-spoor-3',
      session: { start: '2026-03-12T13:30:00+01:00', end: '2026-03-12T16:30:00+01:00' },
      deadline: '2026-03-05T12:00:00+01:00',
      freezeAt: '2026-03-09T12:00:00+01:00',
      agendaSendAt: '2026-03-09T14:00:00+01:00',
    });
    expect(place('casusoverleg-spoor-3', '2026-03-05T12:00:00+01:00').session.start).toBe(
      '2026-04-09T13:30:00+02:00',
    );
  });
});
