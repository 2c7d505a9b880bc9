import { FakeSubmissionLedger } from '@overlegtafels/testing';
import { SubmittedOnce } from '../submissions/submitted-once';
import { actionPointRuleKey } from '@overlegtafels/domain';
import { FakeAuditLog, principalWith } from '@overlegtafels/testing';
import { AddActionPointUseCase } from '../add-action-point/add-action-point.usecase';
import { MarkObligationDoneUseCase } from '../mark-obligation-done/mark-obligation-done.usecase';
import { minutesWorld, people, SESSION } from '../minutes/minutes-world.test-util';
import { SyncDossierObligationsUseCase } from '../sync-dossier-obligations/sync-dossier-obligations.usecase';
import { obligationRoleFor } from './obligation-access';

/** An action point of Wim (a member of the ICO) on item B, whose dossier Sara directs. */
async function setup() {
  const w = minutesWorld();
  const add = new AddActionPointUseCase(
    w.uow,
    w.access,
    w.minutes,
    w.obligations,
    w.rules,
    new SubmittedOnce(new FakeSubmissionLedger()),
  );
  const { obligationId } = await add.execute(people.jonas, {
    sessionId: SESSION,
    itemId: 'item-b',
    what: 'Overzicht bezorgen.',
    dueDate: '2026-12-18',
    ownerPersonId: 'wim',
    route: 'POST /api/zittingen/:sessionId/verslag/punten/:itemId/actiepunten',
  });
  const sync = new SyncDossierObligationsUseCase(w.obligations, w.rules, w.clock);
  const markDone = new MarkObligationDoneUseCase(
    w.uow,
    w.obligations,
    sync,
    w.rules,
    new FakeAuditLog(),
    w.clock,
    new SubmittedOnce(new FakeSubmissionLedger()),
  );
  const done = (who: typeof people.wim, note = 'Bezorgd.') =>
    markDone.execute(who, { obligationId, note, route: 'POST /opvolging/:id/afgerond' });
  return { ...w, obligationId, done };
}

describe('an action point as an obligation', () => {
  it('is its owner’s and the table’s coordinators’, not the dossier’s casusregisseur’s', async () => {
    const { obligations, rules, obligationId } = await setup();
    const o = (await obligations.findToFulfil(obligationId))!;
    const rule = rules.rule(o.ruleKey)!;
    expect(o.ruleKey).toMatch(/^actiepunt:ico:/);
    expect(obligationRoleFor(people.wim, o, rule)).toBe(rule.owner.role);
    expect(obligationRoleFor(people.lotte, o, rule)).toBe('coordinator');
    expect(obligationRoleFor(people.sara, o, rule)).toBeUndefined();
    expect(obligationRoleFor(people.eva, o, rule)).toBeUndefined();
    expect(
      obligationRoleFor(principalWith('wim', [...people.wim.grants], 'region-2'), o, rule),
    ).toBeUndefined();
  });

  it('is marked done by its owner with a note, and by nobody else but a coordinator', async () => {
    const { done, obligations, obligationId } = await setup();
    expect(await done(people.sara)).toMatchObject({ ok: false, code: 'OBLIGATION_NOT_FOUND' });
    expect(await done(people.wim, '  ')).toMatchObject({ ok: false, code: 'FULFILMENT_NOTE_REQUIRED' });
    expect(await done(people.wim)).toMatchObject({ ok: true, obligationId });
    expect(obligations.obligations.get(obligationId)).toMatchObject({
      status: 'fulfilled',
      fulfilmentNote: 'Bezorgd.',
      fulfilledById: 'wim',
    });
    expect(await done(people.lotte)).toMatchObject({ ok: false, code: 'OBLIGATION_NOT_OPEN' });
  });

  it('has a rule for every table of the region, and none for an unknown table', async () => {
    const { rules } = await setup();
    for (const table of rules.region.tables) {
      expect(rules.rule(actionPointRuleKey(table.key, 'x'))?.escalation?.to).toEqual({
        role: 'coordinator',
        table: table.key,
      });
    }
    expect(rules.rule(actionPointRuleKey('onbekend', 'x'))).toBeUndefined();
  });
});
