import {
  actionPointRule,
  actionPointRuleKey,
  checkMinutesClose,
  checkMinutesEdit,
  checkMinutesReopen,
  DEFAULT_ACTION_POINT_POLICY,
  isActionPointRuleKey,
  minutesItemScope,
  parseActionPointRuleKey,
} from './session-minutes.policy';

const held = { sessionStatus: 'held', started: true, closed: false };

describe('the verslag of a session', () => {
  it('is written by the verslaggever, the voorzitter and the coordinators; closed by the last two', () => {
    const verslaggever = { coordinator: false, tableFunction: 'verslaggever' as const };
    const voorzitter = { coordinator: false, tableFunction: 'voorzitter' as const };
    const lid = { coordinator: false, tableFunction: 'lid' as const };
    expect([verslaggever, voorzitter, lid].map((a) => checkMinutesEdit(a, held).ok)).toEqual([
      true,
      true,
      false,
    ]);
    expect([verslaggever, voorzitter, lid].map((a) => checkMinutesClose(a, held).ok)).toEqual([
      false,
      true,
      false,
    ]);
    expect(checkMinutesEdit({ coordinator: true, tableFunction: null }, held).ok).toBe(true);
  });

  it('is written from the start of the session until it is closed; closed once held; reopened once closed', () => {
    const coordinator = { coordinator: true, tableFunction: null };
    expect(
      checkMinutesEdit(coordinator, { sessionStatus: 'sent', started: false, closed: false }),
    ).toMatchObject({
      ok: false,
      code: 'SESSION_NOT_HELD',
    });
    expect(checkMinutesEdit(coordinator, { sessionStatus: 'sent', started: true, closed: false }).ok).toBe(
      true,
    );
    expect(
      checkMinutesEdit(coordinator, { sessionStatus: 'cancelled', started: true, closed: false }).ok,
    ).toBe(false);
    expect(checkMinutesEdit(coordinator, { ...held, closed: true })).toMatchObject({
      code: 'MINUTES_CLOSED',
    });
    expect(
      checkMinutesClose(coordinator, { sessionStatus: 'sent', started: true, closed: false }),
    ).toMatchObject({
      code: 'SESSION_NOT_HELD',
    });
    expect(checkMinutesClose(coordinator, { ...held, closed: true })).toMatchObject({
      code: 'MINUTES_ALREADY_CLOSED',
    });
    expect(checkMinutesReopen(coordinator, held)).toMatchObject({ code: 'MINUTES_NOT_CLOSED' });
    expect(checkMinutesReopen(coordinator, { ...held, closed: true }).ok).toBe(true);
  });

  it('shows each reader what the agenda would: all, shared, the outcome of their own aanmelding, or nothing', () => {
    const item = { sharedWithSession: false, ownCasusregie: false, ownAanmelding: false };
    const member = { writer: false, member: true };
    const outsider = { writer: false, member: false };
    expect(minutesItemScope({ writer: true, member: false }, item)).toBe('all');
    expect(minutesItemScope(member, item)).toBe('none');
    expect(minutesItemScope(member, { ...item, sharedWithSession: true })).toBe('shared');
    expect(minutesItemScope(outsider, { ...item, sharedWithSession: true })).toBe('none');
    expect(minutesItemScope(outsider, { ...item, ownCasusregie: true })).toBe('all');
    expect(minutesItemScope(outsider, { ...item, ownAanmelding: true })).toBe('outcome');
  });
});

describe('action points as obligations', () => {
  it('have a rule key of their own, which no region rule has', () => {
    const key = actionPointRuleKey('ronde-tafel', '1b2c');
    expect(key).toBe('actiepunt:ronde-tafel:1b2c');
    expect(isActionPointRuleKey(key)).toBe(true);
    expect(isActionPointRuleKey('eerste-plan-van-aanpak')).toBe(false);
    expect(parseActionPointRuleKey(key)).toEqual({ tableKey: 'ronde-tafel', actionPointId: '1b2c' });
    expect(parseActionPointRuleKey('actiepunt:ico')).toBeUndefined();
    expect(parseActionPointRuleKey('actiepunt:ico:')).toBeUndefined();
  });

  it('are done by hand by their owner and escalate to the coordinators of their table', () => {
    const rule = actionPointRule('weegploeg', DEFAULT_ACTION_POINT_POLICY);
    expect(rule.fulfilledBy).toEqual([{ kind: 'manual' }]);
    expect(rule.escalation?.to).toEqual({ role: 'coordinator', table: 'weegploeg' });
    expect(rule.reminders.daysBeforeDue).toEqual([7, 1]);
    expect(rule.due).toMatchObject({ kind: 'offset', time: '17:00' });
  });
});
