import fc from 'fast-check';
import { InvalidAllocationInputError, OverrideReasonRequiredError } from '../errors/domain.error';
import { generateSessions } from '../sessions/session-calendar.policy';
import { CalendarState, Session } from '../sessions/session.model';
import { biweeklyTable, fridayTable } from '../testing/table-fixtures.test-util';
import { iso, zdt } from '../testing/zdt.test-util';
import {
  AgendaItemInput,
  allocateItems,
  AllocationResult,
  CoordinatorOverride,
} from './slot-allocation.policy';

const table = fridayTable();

function sessions(calendar?: CalendarState, from = '2026-11-23 00:00', to = '2026-12-19 00:00'): Session[] {
  return generateSessions(table, { fromMs: zdt(from), toMs: zdt(to) }, calendar);
}

function item(
  id: string,
  type: string,
  submittedAt: string,
  override?: CoordinatorOverride,
): AgendaItemInput {
  return { id, type, submittedAtMs: zdt(submittedAt), ...(override && { override }) };
}

/** Agenda per session date as `hh:mm id` lines, the way a coordinator reads it. */
function agendas(result: AllocationResult): Record<string, string[]> {
  return Object.fromEntries(
    result.agendas.map((a) => [
      a.session.date,
      a.items.map((i) => `${iso(i.slotStartMs).slice(11, 16)} ${i.itemId}`),
    ]),
  );
}

function allocation(result: AllocationResult, itemId: string) {
  for (const agenda of result.agendas) {
    const found = agenda.items.find((i) => i.itemId === itemId);
    if (found) return found;
  }
  throw new Error(`${itemId} not allocated`);
}

const fiveOnMonday = ['a1', 'a2', 'a3', 'a4', 'a5'].map((id, i) => item(id, 'lang', `2026-11-16 10:0${i}`));

describe('allocating agendapunten to slots', () => {
  it('gives aanmeldingen consecutive half-hour slots from the session start, in arrival order', () => {
    const result = allocateItems(table, sessions(), [...fiveOnMonday].reverse());
    expect(agendas(result)['2026-11-27']).toEqual([
      '09:30 a1',
      '10:00 a2',
      '10:30 a3',
      '11:00 a4',
      '11:30 a5',
    ]);
    const first = allocation(result, 'a1');
    expect(iso(first.slotStartMs)).toBe('2026-11-27T09:30:00+01:00');
    expect(iso(first.slotEndMs)).toBe('2026-11-27T10:00:00+01:00');
    expect(first).toMatchObject({
      position: 1,
      late: false,
      beyondCapacity: false,
      nominalSessionKey: 'vrijdagtafel:2026-11-27',
    });
  });

  it('moves the sixth aanmelding of a full session to the next one, ahead of that session’s own', () => {
    const result = allocateItems(table, sessions(), [
      ...fiveOnMonday,
      item('a6', 'lang', '2026-11-17 09:00'),
      item('b1', 'lang', '2026-11-23 09:00'),
    ]);
    expect(agendas(result)['2026-12-04']).toEqual(['09:30 a6', '10:00 b1']);
    expect(allocation(result, 'a6').carriedOver).toEqual({
      fromSessionKey: 'vrijdagtafel:2026-11-27',
      code: 'SESSION_FULL',
    });
    expect(allocation(result, 'b1').carriedOver).toBeUndefined();
  });

  it('lets nobody overtake: once one item does not fit, the later ones wait too', () => {
    const result = allocateItems(table, sessions(), [
      item('a1', 'lang', '2026-11-16 10:00'),
      item('a2', 'lang', '2026-11-16 10:01'),
      item('a3', 'lang', '2026-11-16 10:02'),
      item('a4', 'lang', '2026-11-16 10:03'),
      item('k1', 'kort', '2026-11-16 10:04'),
      item('a5', 'lang', '2026-11-16 10:05'),
      item('k2', 'kort', '2026-11-16 10:06'),
    ]);
    expect(agendas(result)['2026-11-27']).toEqual([
      '09:30 a1',
      '10:00 a2',
      '10:30 a3',
      '11:00 a4',
      '11:30 k1',
    ]);
    expect(agendas(result)['2026-12-04']).toEqual(['09:30 a5', '10:00 k2']);
  });

  it('keeps equal submission times in the order given', () => {
    const result = allocateItems(table, sessions(), [
      item('x', 'kort', '2026-11-16 10:00'),
      item('y', 'kort', '2026-11-16 10:00'),
    ]);
    expect(agendas(result)['2026-11-27']).toEqual(['09:30 x', '09:45 y']);
  });

  it('rolls the items of a cancelled session over to the next one, ahead of its own', () => {
    const calendar: CalendarState = { cancellations: [{ scheduledDate: '2026-11-27', reason: 'Staking' }] };
    const result = allocateItems(table, sessions(calendar), [
      item('c1', 'lang', '2026-11-23 09:00'),
      item('a1', 'lang', '2026-11-16 10:00'),
      item('a2', 'kort', '2026-11-16 11:00'),
    ]);
    expect(agendas(result)).toMatchObject({
      '2026-11-27': [],
      '2026-12-04': ['09:30 a1', '10:00 a2', '10:15 c1'],
    });
    expect(allocation(result, 'a2').carriedOver).toEqual({
      fromSessionKey: 'vrijdagtafel:2026-11-27',
      code: 'SESSION_CANCELLED',
    });
  });

  it('rolls over the items of a session in a closed period in the same way', () => {
    const calendar: CalendarState = {
      closedPeriods: [{ from: '2026-11-26', to: '2026-12-05', reason: 'Verhuis' }],
    };
    const result = allocateItems(table, sessions(calendar), [
      ...fiveOnMonday,
      item('b1', 'kort', '2026-11-23 09:00'),
    ]);
    expect(agendas(result)['2026-12-11']).toEqual([
      '09:30 a1',
      '10:00 a2',
      '10:30 a3',
      '11:00 a4',
      '11:30 a5',
    ]);
    expect(agendas(result)['2026-12-18']).toEqual(['09:30 b1']);
  });

  it('lets a coordinator put a late, urgent item into a full session; the last unpinned one moves on', () => {
    const urgent = item('u1', 'lang', '2026-11-24 08:00', {
      sessionKey: 'vrijdagtafel:2026-11-27',
      reason: 'Acuut veiligheidsrisico',
    });
    const result = allocateItems(table, sessions(), [...fiveOnMonday, urgent]);
    expect(agendas(result)['2026-11-27']).toEqual([
      '09:30 a1',
      '10:00 a2',
      '10:30 a3',
      '11:00 a4',
      '11:30 u1',
    ]);
    expect(agendas(result)['2026-12-04']).toEqual(['09:30 a5']);
    expect(allocation(result, 'u1')).toMatchObject({
      late: true,
      beyondCapacity: false,
      nominalSessionKey: 'vrijdagtafel:2026-12-04',
      override: { sessionKey: 'vrijdagtafel:2026-11-27', reason: 'Acuut veiligheidsrisico' },
    });
  });

  it('lets a coordinator reorder a session and keeps the reason', () => {
    const result = allocateItems(table, sessions(), [
      ...fiveOnMonday.slice(0, 4),
      item('a5', 'lang', '2026-11-16 10:04', {
        sessionKey: 'vrijdagtafel:2026-11-27',
        position: 1,
        reason: 'Aanmelder kan enkel om 09:30',
      }),
    ]);
    expect(agendas(result)['2026-11-27']).toEqual([
      '09:30 a5',
      '10:00 a1',
      '10:30 a2',
      '11:00 a3',
      '11:30 a4',
    ]);
    expect(allocation(result, 'a5').override?.reason).toBe('Aanmelder kan enkel om 09:30');
  });

  it('runs past the capacity only when pins alone need more, and says so', () => {
    const pin = (id: string) =>
      item(id, 'lang', '2026-11-16 10:00', {
        sessionKey: 'vrijdagtafel:2026-11-27',
        reason: 'Samen bespreken',
      });
    const result = allocateItems(table, sessions(), ['p1', 'p2', 'p3', 'p4', 'p5', 'p6'].map(pin));
    const sixth = allocation(result, 'p6');
    expect(iso(sixth.slotStartMs)).toBe('2026-11-27T12:00:00+01:00');
    expect(sixth.beyondCapacity).toBe(true);
    expect(allocation(result, 'p5').beyondCapacity).toBe(false);
  });

  it('rolls a pin into a cancelled session over, with a notice and its reason kept', () => {
    const calendar: CalendarState = { cancellations: [{ scheduledDate: '2026-11-27', reason: 'Staking' }] };
    const result = allocateItems(table, sessions(calendar), [
      item('p1', 'lang', '2026-11-24 08:00', { sessionKey: 'vrijdagtafel:2026-11-27', reason: 'Dringend' }),
    ]);
    expect(result.overrideNotices).toEqual([
      { itemId: 'p1', code: 'SESSION_CANCELLED', sessionKey: 'vrijdagtafel:2026-11-27' },
    ]);
    expect(allocation(result, 'p1')).toMatchObject({
      sessionKey: 'vrijdagtafel:2026-12-04',
      carriedOver: { fromSessionKey: 'vrijdagtafel:2026-11-27', code: 'SESSION_CANCELLED' },
      override: { reason: 'Dringend' },
    });
  });

  it('uses a coordinator capacity override', () => {
    const calendar: CalendarState = {
      capacityOverrides: [{ scheduledDate: '2026-11-27', capacityMinutes: 60, reason: 'Teamdag' }],
    };
    const result = allocateItems(table, sessions(calendar), fiveOnMonday);
    expect(agendas(result)['2026-11-27']).toEqual(['09:30 a1', '10:00 a2']);
    expect(agendas(result)['2026-12-04']).toEqual(['09:30 a3', '10:00 a4', '10:30 a5']);
  });

  it('lets an item longer than any session wait without blocking the others', () => {
    const result = allocateItems(table, sessions(), [
      { id: 'huge', type: 'lang', submittedAtMs: zdt('2026-11-16 09:00'), durationMinutes: 200 },
      item('a1', 'lang', '2026-11-16 10:00'),
    ]);
    expect(agendas(result)['2026-11-27']).toEqual(['09:30 a1']);
    expect(result.unallocated).toEqual([
      {
        itemId: 'huge',
        code: 'SESSION_FULL',
        carriedOver: { fromSessionKey: 'vrijdagtafel:2026-11-27', code: 'SESSION_FULL' },
      },
    ]);
  });

  it('reports what it could not place with a stable code', () => {
    const lastSessions = sessions(undefined, '2026-11-23 00:00', '2026-12-05 00:00');
    const result = allocateItems(table, lastSessions, [
      ...fiveOnMonday,
      item('a6', 'lang', '2026-11-16 10:30'),
      item('a7', 'lang', '2026-11-16 10:31'),
      item('a8', 'lang', '2026-11-16 10:32'),
      item('a9', 'lang', '2026-11-16 10:33'),
      item('a10', 'lang', '2026-11-16 10:34'),
      item('a11', 'lang', '2026-11-16 10:35'),
      item('late', 'lang', '2026-12-01 10:00'),
      item('odd', 'onbekend', '2026-11-16 10:00'),
    ]);
    expect(result.unallocated.map((u) => [u.itemId, u.code])).toEqual([
      ['odd', 'UNKNOWN_ITEM_TYPE'],
      ['late', 'NO_SESSION_IN_RANGE'],
      ['a11', 'SESSION_FULL'],
    ]);
  });

  it('refuses an override without a reason', () => {
    const attempt = () =>
      allocateItems(table, sessions(), [
        item('a1', 'lang', '2026-11-16 10:00', { sessionKey: 'vrijdagtafel:2026-11-27', reason: ' ' }),
      ]);
    expect(attempt).toThrow(OverrideReasonRequiredError);
    expect(attempt).toThrow(expect.objectContaining({ code: 'OVERRIDE_REASON_REQUIRED' }));
  });

  it.each<[string, () => AllocationResult]>([
    ['an item given twice', () => allocateItems(table, sessions(), [fiveOnMonday[0]!, fiveOnMonday[0]!])],
    [
      'a pin to a session that was not given',
      () =>
        allocateItems(table, sessions(), [
          item('a1', 'lang', '2026-11-16 10:00', { sessionKey: 'vrijdagtafel:2027-06-04', reason: 'x' }),
        ]),
    ],
    ['a session of another table', () => allocateItems(biweeklyTable(), sessions(), [])],
    [
      'a position of zero',
      () =>
        allocateItems(table, sessions(), [
          item('a1', 'lang', '2026-11-16 10:00', {
            sessionKey: 'vrijdagtafel:2026-11-27',
            position: 0,
            reason: 'x',
          }),
        ]),
    ],
  ])('refuses %s', (_, attempt) => {
    expect(attempt).toThrow(InvalidAllocationInputError);
  });
});

// ---- properties --------------------------------------------------------------------------------

const FROM = zdt('2026-09-01 00:00');
const TO = zdt('2027-06-01 00:00');
const allSessions = generateSessions(table, { fromMs: FROM, toMs: TO });

const calendarArb: fc.Arbitrary<CalendarState> = fc
  .uniqueArray(fc.constantFrom(...allSessions.map((s) => s.scheduledDate)), { maxLength: 10 })
  .map((dates) => ({
    cancellations: dates.map((scheduledDate) => ({ scheduledDate, reason: 'Geannuleerd' })),
  }));

const itemsArb: fc.Arbitrary<AgendaItemInput[]> = fc
  .array(
    fc.record({
      type: fc.constantFrom('lang', 'kort', 'mini'),
      // Dense enough that sessions fill up and overflow is common.
      submittedAtMs: fc.integer({ min: FROM - 20 * 86_400_000, max: FROM + 60 * 86_400_000 }),
    }),
    { minLength: 20, maxLength: 200 },
  )
  .map((raw) => raw.map((r, i) => ({ id: `i${i}`, ...r })));

describe('allocation properties (no overrides)', () => {
  it('never overlaps slots and never exceeds the capacity or the session end', () => {
    fc.assert(
      fc.property(calendarArb, itemsArb, (calendar, items) => {
        const result = allocateItems(
          table,
          generateSessions(table, { fromMs: FROM, toMs: TO }, calendar),
          items,
        );
        for (const { session, items: slots, usedMinutes } of result.agendas) {
          if (session.status === 'cancelled') expect(slots).toEqual([]);
          expect(usedMinutes).toBeLessThanOrEqual(session.capacityMinutes);
          let cursor = session.startMs;
          for (const slot of slots) {
            expect(slot.slotStartMs).toBe(cursor);
            expect(slot.slotEndMs).toBe(cursor + slot.durationMinutes * 60_000);
            expect(slot.beyondCapacity).toBe(false);
            cursor = slot.slotEndMs;
          }
          expect(cursor).toBeLessThanOrEqual(session.endMs);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('places every item exactly once, never before its deadline has passed', () => {
    fc.assert(
      fc.property(calendarArb, itemsArb, (calendar, items) => {
        const result = allocateItems(
          table,
          generateSessions(table, { fromMs: FROM, toMs: TO }, calendar),
          items,
        );
        const placed = result.agendas.flatMap((a) => a.items.map((i) => ({ ...i, session: a.session })));
        const ids = [...placed.map((p) => p.itemId), ...result.unallocated.map((u) => u.itemId)].sort();
        expect(ids).toEqual(items.map((i) => i.id).sort());
        const byId = new Map(items.map((i) => [i.id, i]));
        for (const p of placed) {
          expect(p.late).toBe(false);
          expect(p.session.deadlineMs).toBeGreaterThan(byId.get(p.itemId)!.submittedAtMs);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('keeps arrival order: an earlier item never sits in a later session or a later slot', () => {
    fc.assert(
      fc.property(calendarArb, itemsArb, (calendar, items) => {
        const result = allocateItems(
          table,
          generateSessions(table, { fromMs: FROM, toMs: TO }, calendar),
          items,
        );
        const placed = result.agendas.flatMap((a) => a.items);
        const byId = new Map(items.map((i) => [i.id, i]));
        const sorted = [...placed].sort(
          (x, y) => byId.get(x.itemId)!.submittedAtMs - byId.get(y.itemId)!.submittedAtMs,
        );
        for (let k = 1; k < sorted.length; k++) {
          const before = sorted[k - 1]!;
          const after = sorted[k]!;
          if (byId.get(before.itemId)!.submittedAtMs < byId.get(after.itemId)!.submittedAtMs) {
            expect(after.slotStartMs).toBeGreaterThan(before.slotStartMs);
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
