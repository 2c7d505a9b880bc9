import { SubmittedOnce } from '../submissions/submitted-once';
import { FakeSubmissionLedger } from '@overlegtafels/testing';
import type { Principal } from '@overlegtafels/auth';
import type { VervolghulpReport } from '@overlegtafels/domain';
import { AgendaRefusal } from '../errors';
import { CODE, D, formsWorld, people } from '../obligations/obligation-forms-world.test-util';
import { SubmitFollowUpReportUseCase } from './submit-follow-up-report.usecase';

const ROUTE = 'POST /api/opvolging/:id/vervolghulp';
const report: VervolghulpReport = {
  started: 'gedeeltelijk',
  helpKinds: ['cgg', 'caw'],
  otherHelp: 'Praatgroep op school',
  remarks: 'CGG pas in april.',
};

async function setup() {
  const world = await formsWorld();
  const useCase = new SubmitFollowUpReportUseCase(
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
  );
  const task = world.obligation('controle-zes-maanden-na-afronding');
  const submit = (who: Principal, answers: VervolghulpReport = report, obligationId = task.id) =>
    useCase.execute(who, { obligationId, report: answers, route: ROUTE });
  return { ...world, task, submit };
}

const refusal = (work: Promise<unknown>) =>
  work.then(
    () => 'accepted',
    (e: unknown) => e,
  );

describe('SubmitFollowUpReportUseCase', () => {
  it('fulfils the six-month report with its answers and tells the Ronde Tafel’s coordinators, in one transaction', async () => {
    const { repo, outbox, audit, uow, task, submit } = await setup();
    expect(await submit(people.pieter)).toEqual({ obligationId: task.id, dossierCode: CODE, told: 2 });
    expect(repo.obligations.get(task.id)).toMatchObject({
      status: 'fulfilled',
      fulfilmentKind: 'form',
      fulfilledById: 'pieter',
      fulfilledAt: new Date('2027-03-01T09:00:00Z'),
    });
    expect(repo.stepsOf(task.id)).toEqual([]);
    expect(await repo.reportOf(task.id)).toEqual({
      form: 'vervolghulp',
      answers: report,
      submittedById: 'pieter',
      submittedAt: new Date('2027-03-01T09:00:00Z'),
    });
    // The coordinators of the Ronde Tafel, and the region-wide one; not the ICO's.
    const mails = outbox.written();
    expect(mails.map((m) => [m.entry.recipientEmail, m.entry.key, m.mail.subject, m.tx === uow.tx])).toEqual([
      [
        'jonas@example.be',
        `follow-up-report|${task.id}|jonas`,
        'Vervolghulp: CO3-2026-0042 – CO3 Antwerpen',
        true,
      ],
      [
        'lotte@example.be',
        `follow-up-report|${task.id}|lotte`,
        'Vervolghulp: CO3-2026-0042 – CO3 Antwerpen',
        true,
      ],
    ]);
    expect(mails[0]!.mail.text).toContain('https://overleg.example/dossiers/CO3-2026-0042#vervolghulp');
    expect(mails[0]!.mail.text).not.toContain('april');
    expect(outbox.enqueued).toHaveLength(2);
    expect(audit.of('obligation.form')).toEqual([
      {
        actorPersonId: 'pieter',
        action: 'obligation.form',
        entityType: 'obligation',
        entityId: task.id,
        dossierId: D,
        route: ROUTE,
        outcome: 'allowed',
        details: {
          form: 'vervolghulp',
          ruleKey: 'controle-zes-maanden-na-afronding',
          code: CODE,
          started: 'gedeeltelijk',
        },
      },
    ]);
  });

  it('lets a coordinator of the Ronde Tafel fill it in for the casusregisseur (the answer given by phone)', async () => {
    const { submit } = await setup();
    expect(await submit(people.lotte)).toMatchObject({ told: 2 });
  });

  it('refuses whoever has no business with it with the same not-found as an unknown id, audited', async () => {
    const { repo, outbox, audit, task, submit, obligation } = await setup();
    for (const who of [people.tom, people.wim, people.ines]) {
      expect(await refusal(submit(who))).toMatchObject({ code: 'OBLIGATION_NOT_FOUND', kind: 'not_found' });
    }
    expect(await refusal(submit(people.pieter, report, 'unknown'))).toMatchObject({ kind: 'not_found' });
    // Another obligation, done another way, is not this form's.
    expect(await refusal(submit(people.pieter, report, obligation('afsluiting').id))).toMatchObject({
      code: 'OBLIGATION_NOT_FOUND',
    });
    expect(repo.obligations.get(task.id)!.status).toBe('open');
    expect(outbox.written()).toEqual([]);
    expect(audit.of('obligation.form').map((e) => [e.outcome, e.actorPersonId, e.dossierId])).toEqual([
      ['denied', 'tom', null],
      ['denied', 'wim', null],
      ['denied', 'ines', null],
      ['denied', 'pieter', null],
      ['denied', 'pieter', null],
    ]);
  });

  it('refuses answers that break the rules between the fields, naming the field, and writes nothing', async () => {
    const { repo, outbox, task, submit } = await setup();
    const error = await refusal(submit(people.pieter, { started: 'ja', helpKinds: [] }));
    expect(error).toBeInstanceOf(AgendaRefusal);
    expect(error).toMatchObject({ code: 'FIELD_REQUIRED', field: 'helpKinds', kind: 'unprocessable' });
    expect(await refusal(submit(people.pieter, { started: 'nee', helpKinds: [] }))).toMatchObject({
      field: 'remarks',
    });
    expect([repo.obligations.get(task.id)!.status, outbox.written()]).toEqual(['open', []]);
  });

  it('refuses a second report as a conflict: the first one stands', async () => {
    const { repo, outbox, task, submit } = await setup();
    await submit(people.pieter);
    expect(
      await refusal(submit(people.pieter, { started: 'nee', helpKinds: [], remarks: 'x' })),
    ).toMatchObject({
      code: 'OBLIGATION_NOT_OPEN',
      kind: 'conflict',
    });
    expect((await repo.reportOf(task.id))!.answers).toEqual(report);
    expect(outbox.written()).toHaveLength(2);
  });
});
