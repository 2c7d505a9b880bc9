import { getSession } from '../sessions/session-calendar.policy';
import { RegionConfig } from '../tables/table-definition.model';
import { biweeklyTable, fridayTable, minimalDossierLife } from '../testing/table-fixtures.test-util';
import { placementView, toPlacementView } from './placement.view';

const region: RegionConfig = {
  key: 'testregio',
  name: 'Testregio',
  timeZone: 'Europe/Brussels',
  organisationKinds: { politie: 'Politie' },
  tables: [fridayTable(), biweeklyTable()],
  dossierLife: minimalDossierLife('vrijdagtafel', 'lang'),
};

describe('the placement answer shared by CLI and API', () => {
  it('is built in the documented key order', () => {
    const result = placementView(region, 'tweewekelijks', '2026-11-20T10:00:00+01:00', 'plan');
    expect(result.ok && JSON.stringify(result.view)).toBe(
      '{"region":"testregio","table":"tweewekelijks","session":{"start":"2026-12-01T13:00:00+01:00","end":"2026-12-01T16:00:00+01:00"},"deadline":"2026-11-23T12:00:00+01:00","freezeAt":"2026-11-26T12:00:00+01:00","agendaSendAt":"2026-11-26T12:00:00+01:00"}',
    );
  });

  it('matches the view of the same session chosen elsewhere', () => {
    const result = placementView(region, 'vrijdagtafel', '2026-11-16T10:00:00+01:00');
    expect(result.ok && result.view).toEqual(
      toPlacementView('testregio', getSession(region.tables[0]!, '2026-11-27'), region.tables[0]!),
    );
  });

  it('hands out a fresh object each time', () => {
    const a = placementView(region, 'vrijdagtafel', '2026-11-16T10:00:00+01:00');
    const b = placementView(region, 'vrijdagtafel', '2026-11-16T11:00:00+01:00');
    expect(a.ok && b.ok && a.view !== b.view && a.view.session !== b.view.session).toBe(true);
  });

  it('names an unknown table', () => {
    expect(placementView(region, 'ico', '2026-11-20T10:00:00+01:00')).toEqual({
      ok: false,
      error: {
        code: 'UNKNOWN_TABLE',
        field: 'table',
        message: 'unknown table "ico" in region testregio (known: vrijdagtafel, tweewekelijks)',
      },
    });
  });

  it('names an unknown item type', () => {
    expect(placementView(region, 'vrijdagtafel', '2026-11-20T10:00:00+01:00', 'plan')).toEqual({
      ok: false,
      error: {
        code: 'UNKNOWN_ITEM_TYPE',
        field: 'type',
        message: 'unknown item type "plan" for table vrijdagtafel (known: lang, kort, mini)',
      },
    });
  });

  it('names an instant without offset and one that cannot be read', () => {
    const noOffset = placementView(region, 'vrijdagtafel', '2026-11-20T10:00:00');
    expect(!noOffset.ok && noOffset.error).toMatchObject({ code: 'MISSING_OFFSET', field: 'submittedAt' });
    const garbage = placementView(region, 'vrijdagtafel', 'vrijdag');
    expect(!garbage.ok && garbage.error).toMatchObject({ code: 'INVALID_INSTANT', field: 'submittedAt' });
  });

  it('checks the table before the instant, and the instant before the type', () => {
    const result = placementView(region, 'nope', 'nope', 'nope');
    expect(!result.ok && result.error.field).toBe('table');
    const second = placementView(region, 'vrijdagtafel', 'nope', 'nope');
    expect(!second.ok && second.error.field).toBe('submittedAt');
  });

  it('says when no session lies within reach', () => {
    const result = placementView(region, 'vrijdagtafel', '2020-01-01T10:00:00+01:00');
    expect(!result.ok && result.error).toEqual({
      code: 'NO_SESSION_IN_RANGE',
      field: 'submittedAt',
      message: 'no open session of table vrijdagtafel within a year after 2020-01-01T10:00:00+01:00',
    });
  });

  it('takes calendar state into account when given', () => {
    const result = placementView(region, 'vrijdagtafel', '2026-11-16T10:00:00+01:00', undefined, {
      calendar: { cancellations: [{ scheduledDate: '2026-11-27', reason: 'Staking' }] },
    });
    expect(result.ok && result.view.session.start).toBe('2026-12-04T09:30:00+01:00');
  });
});
