import { SubmittedOnce } from '../submissions/submitted-once';
import { FakeSubmissionLedger } from '@overlegtafels/testing';
import { formsWorld, people } from '../obligations/obligation-forms-world.test-util';
import { SubmitFollowUpReportUseCase } from '../submit-follow-up-report/submit-follow-up-report.usecase';
import { OpenObligationUseCase } from './open-obligation.usecase';

const ROUTE = 'GET /opvolging/:id';

async function setup(options: { closed?: boolean } = {}) {
  const world = await formsWorld(options);
  const open = (who: typeof people.pieter, obligationId: string) =>
    new OpenObligationUseCase(world.repo, world.readModel(), world.rules, world.audit, world.clock).execute(
      who,
      {
        obligationId,
        route: ROUTE,
      },
    );
  return { ...world, open };
}

const refusal = (work: Promise<unknown>) =>
  work.then(
    () => 'accepted',
    (e: unknown) => e,
  );

describe('OpenObligationUseCase', () => {
  it('shows the casusregisseur the six-month report with its form, and the coordinator too', async () => {
    const { open, obligation, audit } = await setup();
    const task = obligation('controle-zes-maanden-na-afronding');
    const page = await open(people.pieter, task.id);
    expect(page).toMatchObject({
      actingAs: 'casusregisseur',
      canFill: true,
      canMarkDone: false,
      report: null,
      obligation: {
        id: task.id,
        form: 'vervolghulp',
        pageUrl: `/opvolging/${task.id}`,
        dueAt: '2027-03-08T09:00:00.000+01:00',
        manual: false,
      },
    });
    expect(await open(people.lotte, task.id)).toMatchObject({
      actingAs: 'coordinator',
      canFill: true,
      canMarkDone: true,
    });
    expect(audit.of('obligation.read').map((e) => [e.actorPersonId, e.outcome, e.dossierId])).toEqual([
      ['pieter', 'allowed', 'dossier-1'],
      ['lotte', 'allowed', 'dossier-1'],
    ]);
  });

  it('shows the answers once the form is in, and no form any more', async () => {
    const world = await setup();
    const task = world.obligation('controle-zes-maanden-na-afronding');
    await new SubmitFollowUpReportUseCase(
      world.uow,
      world.gate,
      world.repo,
      world.sync,
      world.dossiers,
      world.obligationPeople,
      world.composer,
      world.outbox,
      world.clock,
      { publicUrl: 'https://overleg.example' },
      new SubmittedOnce(new FakeSubmissionLedger()),
    ).execute(people.pieter, {
      obligationId: task.id,
      report: { started: 'ja', helpKinds: ['cgg'] },
      route: 'POST /opvolging/:id/vervolghulp',
    });
    const page = await world.open(people.lotte, task.id);
    expect(page).toMatchObject({
      canFill: false,
      canMarkDone: false,
      obligation: { status: 'fulfilled' },
      report: {
        form: 'vervolghulp',
        answers: { started: 'ja', helpKinds: ['cgg'] },
        submittedById: 'pieter',
      },
    });
  });

  it('gives the quality check’s form to the strategic coordinator only', async () => {
    const { open, obligation } = await setup({ closed: true });
    const check = obligation('kwaliteitscontrole');
    expect(await open(people.ines, check.id)).toMatchObject({
      actingAs: 'strategisch-coordinator',
      canFill: true,
      canMarkDone: false,
    });
    expect(await refusal(open(people.lotte, check.id))).toMatchObject({ code: 'OBLIGATION_NOT_FOUND' });
  });

  it('answers the same not-found for a task that is not yours as for an unknown one, audited as denied', async () => {
    const { open, obligation, audit } = await setup();
    const task = obligation('controle-zes-maanden-na-afronding');
    for (const [who, id] of [
      [people.tom, task.id],
      [people.ines, task.id],
      [people.wim, task.id],
      [people.pieter, 'unknown'],
    ] as const) {
      expect(await refusal(open(who, id))).toMatchObject({ code: 'OBLIGATION_NOT_FOUND', kind: 'not_found' });
    }
    expect(audit.of('obligation.read').map((e) => [e.actorPersonId, e.outcome, e.dossierId])).toEqual([
      ['tom', 'denied', null],
      ['ines', 'denied', null],
      ['wim', 'denied', null],
      ['pieter', 'denied', null],
    ]);
  });
});
