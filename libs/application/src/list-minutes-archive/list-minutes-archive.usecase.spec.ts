import { minutesWorld, people, refusalOf, SESSION } from '../minutes/minutes-world.test-util';
import { ListMinutesArchiveUseCase } from './list-minutes-archive.usecase';

async function setup() {
  const w = minutesWorld({ now: '2026-12-20T10:00:00+01:00' });
  w.minutes.addSession({
    id: 'older',
    regionId: 'region-1',
    tableKey: 'ico',
    status: 'held',
    startsAt: new Date('2026-06-05T07:30:00Z'),
  });
  await w.uow.run((tx) => w.minutes.close(tx, SESSION, 'lotte', new Date()));
  return { ...w, archive: new ListMinutesArchiveUseCase(w.minutes, w.rules, w.audit, w.clock) };
}
const route = 'GET /api/tables/:tableKey/archief';

describe('ListMinutesArchiveUseCase', () => {
  it('lists held sessions newest first, the last twelve months by default, or a date range', async () => {
    const { archive } = await setup();
    const all = await archive.execute(people.wim, { tableKey: 'ico', route });
    expect(all.items.map((s) => [s.sessionId, s.minutesClosed, s.items])).toEqual([
      [SESSION, true, 2],
      ['older', false, 0],
    ]);
    expect([all.from, all.to]).toEqual(['2025-12-20', '2026-12-20']);
    const december = await archive.execute(people.wim, {
      tableKey: 'ico',
      from: '2026-12-01',
      to: '2026-12-04',
      route,
    });
    expect(december.items.map((s) => s.sessionId)).toEqual([SESSION]);
  });

  it('pages fifty sessions at a time with the total, never cutting the list', async () => {
    const { archive, minutes } = await setup();
    for (let i = 0; i < 50; i++) {
      minutes.addSession({
        id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
        regionId: 'region-1',
        tableKey: 'ico',
        status: 'held',
        startsAt: new Date(Date.parse('2026-03-06T08:30:00Z') + i * 86_400_000),
      });
    }
    const first = await archive.execute(people.wim, { tableKey: 'ico', route });
    expect([first.items.length, first.total, first.previous]).toEqual([50, 52, undefined]);
    expect(first.items[0]!.sessionId).toBe(SESSION);
    const second = await archive.execute(people.wim, { tableKey: 'ico', route, after: first.next });
    expect(second.items.map((s) => s.sessionId)).toEqual([
      '00000000-0000-4000-8000-000000000001',
      '00000000-0000-4000-8000-000000000000',
    ]);
    expect([second.total, second.next]).toEqual([52, undefined]);
    expect(second.previous).toBeDefined();
    const back = await archive.execute(people.wim, { tableKey: 'ico', route, before: second.previous });
    expect(back.items.map((s) => s.sessionId)).toEqual(first.items.map((s) => s.sessionId));
  });

  it('finds a dossier code only where the reader may see its item', async () => {
    const { archive, audit } = await setup();
    const code = async (who: typeof people.wim, dossierCode: string) =>
      (await archive.execute(who, { tableKey: 'ico', dossierCode, route })).items.map((s) => [
        s.sessionId,
        s.dossierCodes,
      ]);
    expect(await code(people.wim, 'CO3-2026-0102')).toEqual([[SESSION, ['CO3-2026-0102']]]);
    expect(await code(people.wim, 'CO3-2026-0101')).toEqual([]);
    expect(await code(people.lotte, 'CO3-2026-0101')).toEqual([
      [SESSION, ['CO3-2026-0101', 'CO3-2026-0102']],
    ]);
    expect(audit.of('minutes.archive').map((e) => e.details?.sessions)).toEqual([1, 0, 1]);
  });

  it('is for the table’s members and coordinators; a wrong range is refused on its field', async () => {
    const { archive } = await setup();
    expect((await refusalOf(archive.execute(people.eva, { tableKey: 'ico', route }))).code).toBe(
      'TABLE_NOT_FOUND',
    );
    expect((await refusalOf(archive.execute(people.wim, { tableKey: 'onbekend', route }))).code).toBe(
      'TABLE_NOT_FOUND',
    );
    const range = await refusalOf(
      archive.execute(people.wim, { tableKey: 'ico', from: '2026-12-10', to: '2026-12-01', route }),
    );
    expect([range.code, range.field]).toEqual(['RANGE_INVALID', 'van']);
  });
});
