import fc from 'fast-check';
import { zdt } from '../testing/zdt.test-util';
import { InvalidObligationInputError } from './obligation.error';
import { ObligationChange, StoredObligation, diffObligations } from './obligation-diff.policy';
import { testFacts, testRegion } from './obligation-fixtures.test-util';
import { PlannedObligation } from './obligation-plan.model';
import { planObligations } from './obligation-plan.policy';

function planned(
  ruleKey: string,
  sequence: number,
  due: string,
  status: 'open' | 'fulfilled' = 'open',
  life = 1,
): PlannedObligation {
  return {
    key: `${ruleKey}#${sequence}`,
    life,
    ruleKey,
    sequence,
    trigger: { event: 'casusregie-gestart', index: 0, atMs: zdt('2026-03-02 00:00') },
    opensAtMs: zdt('2026-03-02 00:00'),
    dueAtMs: zdt(due),
    owner: { role: 'casusregisseur' },
    optional: false,
    status,
    ...(status === 'fulfilled' && {
      fulfilment: { kind: 'manual', atMs: zdt('2026-03-20 10:00'), note: 'ok' },
    }),
  };
}

function stored(
  ruleKey: string,
  sequence: number,
  due: string,
  status: StoredObligation['status'],
  life?: number,
): StoredObligation {
  return {
    id: `${ruleKey}-${sequence}${life ? `-${life}` : ''}`,
    ...(life !== undefined && { life }),
    ruleKey,
    sequence,
    dueAtMs: zdt(due),
    status,
  };
}

function kinds(changes: readonly ObligationChange[]): string[] {
  const life = (o: { life?: number }) => ((o.life ?? 1) > 1 ? ` (leven ${o.life})` : '');
  return changes.map((c) =>
    c.kind === 'create'
      ? `create ${c.planned.key}${life(c.planned)}`
      : `${c.kind} ${c.stored.ruleKey}#${c.stored.sequence}${life(c.stored)}`,
  );
}

describe('comparing stored obligations with a fresh plan', () => {
  it('after a heropening: plans the second life anew, cancels the first life’s open ones, keeps its history', () => {
    const changes = diffObligations(
      [
        // The first life: done, done by hand, dropped earlier, still open at the heropening.
        stored('plan', 0, '2026-04-13 12:00', 'fulfilled'),
        stored('maandelijkse-check', 0, '2026-04-02 09:00', 'fulfilled', 1),
        stored('maandelijkse-check', 1, '2026-05-02 09:00', 'cancelled'),
        stored('afsluiting', 0, '2026-09-02 09:00', 'open'),
        // Already planned in the second life.
        stored('maandelijkse-check', 0, '2027-03-08 09:00', 'open', 2),
      ],
      [
        planned('plan', 0, '2027-03-22 12:00', 'open', 2),
        planned('maandelijkse-check', 0, '2027-03-08 09:00', 'open', 2),
        planned('maandelijkse-check', 1, '2027-04-08 09:00', 'open', 2),
      ],
    );
    expect(kinds(changes)).toEqual([
      'create plan#0 (leven 2)',
      'keep maandelijkse-check#0 (leven 2)',
      'create maandelijkse-check#1 (leven 2)',
      // The first life, by rule: the open one goes, the rest stays as it was.
      'cancel afsluiting#0',
      'keep maandelijkse-check#0',
      'keep maandelijkse-check#1',
      'keep plan#0',
    ]);
  });

  it('says what to create, move, fulfil, reopen, cancel and keep', () => {
    const changes = diffObligations(
      [
        stored('verplaatst', 0, '2026-04-13 12:00', 'open'),
        stored('gedaan', 0, '2026-04-13 12:00', 'open'),
        stored('terug', 0, '2026-04-13 12:00', 'cancelled'),
        stored('vervallen', 0, '2026-04-13 12:00', 'open'),
        stored('al-vervallen', 0, '2026-04-13 12:00', 'cancelled'),
        stored('al-gedaan', 0, '2026-04-13 12:00', 'fulfilled'),
        stored('al-gedaan-weg', 0, '2026-04-13 12:00', 'fulfilled'),
        stored('gelijk', 0, '2026-04-13 12:00', 'open'),
      ],
      [
        planned('nieuw', 0, '2026-05-01 09:00'),
        planned('verplaatst', 0, '2026-04-27 12:00'),
        planned('gedaan', 0, '2026-04-13 12:00', 'fulfilled'),
        planned('terug', 0, '2026-04-13 12:00'),
        // Open in the plan, done as stored: a done thing stays done.
        planned('al-gedaan', 0, '2026-04-27 12:00'),
        planned('gelijk', 0, '2026-04-13 12:00'),
      ],
    );
    expect(kinds(changes)).toEqual([
      'create nieuw#0',
      'update-due verplaatst#0',
      'fulfil gedaan#0',
      'reopen terug#0',
      'keep al-gedaan#0',
      'keep gelijk#0',
      'keep al-gedaan-weg#0',
      'keep al-vervallen#0',
      'cancel vervallen#0',
    ]);
  });

  it('refuses an obligation listed twice', () => {
    const s = stored('x', 0, '2026-04-13 12:00', 'open');
    expect(() => diffObligations([s, s], [])).toThrow(InvalidObligationInputError);
    const p = planned('x', 0, '2026-04-13 12:00');
    expect(() => diffObligations([], [p, p])).toThrow(/listed twice/);
  });

  it('leaves nothing to do after the changes are applied (re-planning is idempotent)', () => {
    const region = testRegion();
    const scenario = fc.record({
      startDay: fc.integer({ min: 0, max: 400 }),
      shiftDays: fc.integer({ min: -30, max: 30 }),
      doneAfterDays: fc.option(fc.integer({ min: 0, max: 90 }), { nil: undefined }),
      afronding: fc.boolean(),
    });
    const date = (day: number) => new Date(Date.UTC(2026, 0, 1 + day)).toISOString().slice(0, 10);
    fc.assert(
      fc.property(scenario, ({ startDay, shiftDays, doneAfterDays, afronding }) => {
        const before = planObligations(region, testFacts({ casusregieStartDate: date(startDay) }));
        const storedBefore = before.map((o) => ({
          id: o.key,
          ruleKey: o.ruleKey,
          sequence: o.sequence,
          dueAtMs: o.dueAtMs,
          status: o.status,
        }));
        const start = date(startDay + shiftDays);
        const facts = testFacts({
          casusregieStartDate: start,
          ...(afronding && { afrondingDate: date(startDay + shiftDays + 100) }),
          manualFulfilments:
            doneAfterDays === undefined
              ? []
              : [
                  {
                    ruleKey: 'maandelijkse-check',
                    sequence: 0,
                    atMs: zdt(`${date(startDay + shiftDays + doneAfterDays)} 10:00`),
                    note: 'ok',
                  },
                ],
        });
        const after = planObligations(region, facts);
        expect(planObligations(region, facts)).toEqual(after);
        const applied = diffObligations(storedBefore, after).map((c): StoredObligation => {
          switch (c.kind) {
            case 'create':
              return {
                id: c.planned.key,
                ruleKey: c.planned.ruleKey,
                sequence: c.planned.sequence,
                dueAtMs: c.planned.dueAtMs,
                status: c.planned.status,
              };
            case 'update-due':
            case 'reopen':
              return { ...c.stored, dueAtMs: c.planned.dueAtMs, status: 'open' };
            case 'fulfil':
              return { ...c.stored, status: 'fulfilled' };
            case 'cancel':
              return { ...c.stored, status: 'cancelled' };
            case 'keep':
              return c.stored;
          }
        });
        expect(diffObligations(applied, after).every((c) => c.kind === 'keep')).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
