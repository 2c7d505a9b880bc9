import { CHECK_RULE, PLAN_RULE } from './obligation-fixtures.test-util';
import { checkManualFulfilment } from './manual-fulfilment.policy';
import { OBLIGATION_OUTCOME_CODES } from './obligation-outcome.model';

const open = { status: 'open' as const };

describe('marking an obligation done by hand', () => {
  it('lets the owner do it where that is the normal way, with a note', () => {
    expect(
      checkManualFulfilment(CHECK_RULE, open, {
        note: '  Gesprek met consulent  ',
        byRole: 'casusregisseur',
      }),
    ).toEqual({
      ok: true,
      note: 'Gesprek met consulent',
    });
  });

  it('always asks for a note', () => {
    expect(checkManualFulfilment(CHECK_RULE, open, { note: '   ', byRole: 'casusregisseur' })).toMatchObject({
      ok: false,
      code: 'FULFILMENT_NOTE_REQUIRED',
    });
  });

  it('leaves closing an agendering obligation by hand to a coordinator', () => {
    expect(
      checkManualFulfilment(PLAN_RULE, open, { note: 'Gezin verhuisd', byRole: 'casusregisseur' }),
    ).toMatchObject({
      ok: false,
      code: 'MANUAL_FULFILMENT_NOT_ALLOWED',
    });
    expect(checkManualFulfilment(PLAN_RULE, open, { note: 'Gezin verhuisd', byRole: 'coordinator' })).toEqual(
      {
        ok: true,
        note: 'Gezin verhuisd',
      },
    );
    expect(checkManualFulfilment(CHECK_RULE, open, { note: 'x', byRole: 'aanmelder' })).toMatchObject({
      ok: false,
      code: 'MANUAL_FULFILMENT_NOT_ALLOWED',
    });
  });

  it('refuses what is no longer open', () => {
    for (const status of ['fulfilled', 'cancelled'] as const) {
      expect(
        checkManualFulfilment(CHECK_RULE, { status }, { note: 'x', byRole: 'coordinator' }),
      ).toMatchObject({
        ok: false,
        code: 'OBLIGATION_NOT_OPEN',
      });
    }
  });

  it('uses stable outcome codes', () => {
    expect(OBLIGATION_OUTCOME_CODES).toEqual([
      'NO_SESSION_IN_RANGE',
      'OBLIGATION_NOT_OPEN',
      'FULFILMENT_NOTE_REQUIRED',
      'MANUAL_FULFILMENT_NOT_ALLOWED',
    ]);
  });
});
