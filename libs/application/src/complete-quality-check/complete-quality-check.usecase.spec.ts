import { SubmittedOnce } from '../submissions/submitted-once';
import { FakeSubmissionLedger } from '@overlegtafels/testing';
import type { Principal } from '@overlegtafels/auth';
import type { QualityCheck } from '@overlegtafels/domain';
import { D, formsWorld, people } from '../obligations/obligation-forms-world.test-util';
import { CompleteQualityCheckUseCase } from './complete-quality-check.usecase';

const ROUTE = 'POST /api/opvolging/:id/kwaliteitscontrole';
const inOrder: QualityCheck = {
  checks: { instemming: true, 'plan-van-aanpak': true, afronding: true, vervolghulp: true, afsluiting: true },
};

async function setup() {
  const world = await formsWorld({ closed: true, now: '2027-03-25T13:00:00Z' });
  const useCase = new CompleteQualityCheckUseCase(
    world.uow,
    world.gate,
    world.repo,
    world.sync,
    world.clock,
    new SubmittedOnce(new FakeSubmissionLedger()),
  );
  const task = world.obligation('kwaliteitscontrole');
  const complete = (who: Principal, check: QualityCheck = inOrder, obligationId = task.id) =>
    useCase.execute(who, { obligationId, check, route: ROUTE });
  return { ...world, task, complete };
}

const refusal = (work: Promise<unknown>) =>
  work.then(
    () => 'accepted',
    (e: unknown) => e,
  );

describe('CompleteQualityCheckUseCase', () => {
  it('is owned by the strategic coordinators, and their checklist fulfils it', async () => {
    const { repo, audit, task, complete } = await setup();
    expect(task).toMatchObject({ status: 'open', ownerRole: 'strategisch-coordinator', ownerId: null });
    expect(task.dueAt).toEqual(new Date('2027-04-15T07:00:00Z'));
    expect(await complete(people.ines)).toEqual({ obligationId: task.id, outcome: 'in-orde' });
    expect(repo.obligations.get(task.id)).toMatchObject({
      status: 'fulfilled',
      fulfilmentKind: 'form',
      fulfilledById: 'ines',
    });
    expect(repo.stepsOf(task.id)).toEqual([]);
    expect((await repo.reportOf(task.id))!.answers).toEqual(inOrder);
    expect(audit.of('obligation.form')).toEqual([
      expect.objectContaining({
        actorPersonId: 'ines',
        entityId: task.id,
        dossierId: D,
        outcome: 'allowed',
        details: { form: 'kwaliteitscontrole', ruleKey: 'kwaliteitscontrole', outcome: 'in-orde' },
      }),
    ]);
  });

  it('keeps unclear points with their remark', async () => {
    const { repo, task, complete } = await setup();
    const unclear = { checks: { ...inOrder.checks, instemming: false }, remarks: 'Instemming navragen.' };
    expect(await complete(people.ines, unclear)).toMatchObject({ outcome: 'onduidelijkheden' });
    expect((await repo.reportOf(task.id))!.answers).toEqual(unclear);
  });

  it('refuses an unclear point without a remark, naming the field', async () => {
    const { repo, task, complete } = await setup();
    expect(
      await refusal(complete(people.ines, { checks: { ...inOrder.checks, afsluiting: false } })),
    ).toMatchObject({
      code: 'FIELD_REQUIRED',
      field: 'remarks',
      kind: 'unprocessable',
    });
    expect(repo.obligations.get(task.id)!.status).toBe('open');
  });

  it('is not for the Ronde Tafel’s coordinators, the casusregisseur, or another region’s strategic coordinator', async () => {
    const { repo, task, complete } = await setup();
    for (const who of [people.lotte, people.pieter, people.elders]) {
      expect(await refusal(complete(who))).toMatchObject({ code: 'OBLIGATION_NOT_FOUND', kind: 'not_found' });
    }
    expect(repo.obligations.get(task.id)!.status).toBe('open');
  });

  it('refuses a second check as a conflict', async () => {
    const { complete } = await setup();
    await complete(people.ines);
    expect(await refusal(complete(people.ines))).toMatchObject({
      code: 'OBLIGATION_NOT_OPEN',
      kind: 'conflict',
    });
  });
});
