import { FakeSubmissionLedger } from '@overlegtafels/testing';
import { SubmittedOnce } from '../submissions/submitted-once';
import { minutesWorld, people, refusalOf, SESSION } from '../minutes/minutes-world.test-util';
import { AddActionPointUseCase } from './add-action-point.usecase';

function setup(options: Parameters<typeof minutesWorld>[0] = {}) {
  const w = minutesWorld(options);
  return {
    ...w,
    useCase: new AddActionPointUseCase(
      w.uow,
      w.access,
      w.minutes,
      w.obligations,
      w.rules,
      new SubmittedOnce(new FakeSubmissionLedger()),
    ),
  };
}
const route = 'POST /api/zittingen/:sessionId/verslag/punten/:itemId/actiepunten';

describe('AddActionPointUseCase', () => {
  it('makes the action point a follow-up obligation of the dossier, owned by the person, with its reminders', async () => {
    const { useCase, obligations, minutes, audit } = setup();
    const result = await useCase.execute(people.jonas, {
      sessionId: SESSION,
      itemId: 'item-b',
      what: 'Overzicht van de interventies bezorgen.',
      dueDate: '2026-12-18',
      ownerPersonId: 'wim',
      route,
    });
    expect(result).toMatchObject({ ownerPersonId: 'wim', dueAt: '2026-12-18T17:00:00.000+01:00' });
    const [o] = obligations.obligationsOf('dossier-b');
    expect(o).toMatchObject({
      id: result.obligationId,
      ruleKey: `actiepunt:ico:${result.actionPointId}`,
      sequence: 0,
      ownerId: 'wim',
      tableKey: 'ico',
      status: 'open',
      dueAt: new Date('2026-12-18T16:00:00Z'),
    });
    // A week and a day before at 09:00, and the first escalation the Monday after (18 December is a Friday).
    expect(obligations.steps.all().map((s) => [s.stepKey, s.sendAt.toISOString()])).toEqual([
      ['reminder-7d-due-2026-12-18', '2026-12-11T08:00:00.000Z'],
      ['reminder-1d-due-2026-12-18', '2026-12-17T08:00:00.000Z'],
      ['escalation-1-due-2026-12-18', '2026-12-21T08:00:00.000Z'],
    ]);
    expect(minutes.actionPoints.map((a) => [a.agendaItemId, a.ownerPersonId, a.obligationId])).toEqual([
      ['item-b', 'wim', result.obligationId],
    ]);
    expect(audit.of('minutes.action-point').map((e) => [e.outcome, e.dossierId, e.details?.dueDate])).toEqual(
      [['allowed', 'dossier-b', '2026-12-18']],
    );
  });

  it('gives an organisation’s action point to its contact at the table, and refuses one without', async () => {
    const { useCase } = setup();
    const base = {
      sessionId: SESSION,
      itemId: 'item-b',
      what: 'Nagaan of er een onderzoek loopt.',
      dueDate: '2026-12-11',
      route,
    };
    const parket = await useCase.execute(people.lotte, { ...base, ownerOrganisationId: 'org-parket' });
    expect(parket.ownerPersonId).toBe('an');
    const wrongContact = await refusalOf(
      useCase.execute(people.lotte, { ...base, ownerOrganisationId: 'org-parket', ownerPersonId: 'wim' }),
    );
    expect([wrongContact.code, wrongContact.field]).toEqual(['NO_CONTACT_AT_TABLE', 'ownerPersonId']);
    const nobody = await refusalOf(
      useCase.execute(people.lotte, { ...base, ownerOrganisationId: 'org-cgg' }),
    );
    expect([nobody.code, nobody.field]).toEqual(['NO_CONTACT_AT_TABLE', 'ownerOrganisationId']);
    const stranger = await refusalOf(useCase.execute(people.lotte, { ...base, ownerPersonId: 'someone' }));
    expect([stranger.code, stranger.field]).toEqual(['OWNER_NOT_AT_TABLE', 'ownerPersonId']);
  });

  it('refuses a member who does not write the verslag, a closed verslag, a date in the past and another region', async () => {
    const { useCase, minutes, uow, obligations, audit } = setup();
    const input = {
      sessionId: SESSION,
      itemId: 'item-b',
      what: 'x',
      dueDate: '2026-12-18',
      ownerPersonId: 'wim',
      route,
    };
    const member = await refusalOf(useCase.execute(people.wim, input));
    expect([member.code, member.kind]).toEqual(['MINUTES_NOT_ALLOWED', 'forbidden']);
    expect(audit.of('minutes.action-point').map((e) => e.outcome)).toEqual(['denied']);
    const past = await refusalOf(useCase.execute(people.jonas, { ...input, dueDate: '2026-12-03' }));
    expect([past.code, past.field]).toEqual(['DUE_DATE_PAST', 'dueDate']);
    await uow.run((tx) => minutes.close(tx, SESSION, 'lotte', new Date()));
    const closed = await refusalOf(useCase.execute(people.jonas, input));
    expect([closed.code, closed.kind]).toEqual(['MINUTES_CLOSED', 'conflict']);
    const elders = await refusalOf(useCase.execute(people.elders, input));
    expect([elders.code, elders.kind]).toEqual(['SESSION_NOT_FOUND', 'not_found']);
    expect(obligations.obligations.all()).toEqual([]);
  });
});
