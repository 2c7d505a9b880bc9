import { SubmittedOnce } from '../submissions/submitted-once';
import { FakeSubmissionLedger } from '@overlegtafels/testing';
import type { AppConfig } from '@overlegtafels/config';
import { MailComposer, mailIdentity } from '@overlegtafels/mail';
import {
  ControlledClock,
  FakeAuditLog,
  FakeDecision,
  FakeDossierChanged,
  FakeDossierRecord,
  FakeDossierRepository,
  fakeDossierRecord,
  FakeMailOutbox,
  FakePersonDirectory,
  FakeUnitOfWork,
} from '@overlegtafels/testing';
import { AgendaRefusal, InputError } from '../errors';
import type { Actor } from '../agenda/agenda-views';
import { ReassignCasusregisseurUseCase } from './reassign-casusregisseur.usecase';
import type { ReassignCasusregisseurCommand } from './reassign-casusregisseur.command';

const config = { regions: ['co3-antwerpen'], publicUrl: 'https://overleg.example' } as AppConfig;
const composer = new MailComposer(mailIdentity('overlegtafels@co3.example.be', 'CO3 Antwerpen'));
const coordinator: Actor = {
  personId: 'coord-1',
  regionId: 'region-1',
  route: 'POST /api/dossiers/:code/casusregisseur',
};
// Monday 4 May 2026, 10:00 in Brussels.
const NOW = '2026-05-04T08:00:00Z';

const appointed: FakeDecision = {
  id: 'ico-1',
  dossierId: 'd1',
  agendaItemId: 'item-1',
  tableKey: 'ico',
  kind: 'met_casusregie',
  adviceText: null,
  safetyPlanAdvice: null,
  parketmeldingAdvies: false,
  missingInformation: null,
  casusregisseurId: 'sara',
  startDate: '2026-02-09',
  terugkomdatum: null,
  vervolgoverlegDate: null,
  casusregisseurAbsent: false,
  bijkomendCasusoverlegDate: null,
  decidedAt: new Date('2026-02-06T09:30:00Z'),
  decidedById: 'coord-1',
};

function setup(dossier: Partial<FakeDossierRecord> = {}) {
  const dossiers = new FakeDossierRepository(
    [
      fakeDossierRecord({
        id: 'd1',
        code: 'CO3-2026-0012',
        phase: 'casusregie',
        casusregisseurId: 'sara',
        casusregieStartDate: '2026-02-09',
        ...dossier,
      }),
    ],
    [appointed],
  );
  const people = new FakePersonDirectory(
    [
      { id: 'sara', email: 'sara@example.org', displayName: 'Sara' },
      { id: 'tom', email: 'tom@example.org', displayName: 'Tom' },
      { id: 'ines', email: 'ines@example.be', displayName: 'Ines' },
    ],
    [
      { regionId: 'region-1', personId: 'sara' },
      { regionId: 'region-1', personId: 'tom' },
      { regionId: 'region-2', personId: 'elders' },
    ],
  );
  const audit = new FakeAuditLog();
  const outbox = new FakeMailOutbox();
  const uow = new FakeUnitOfWork(dossiers, audit, outbox);
  const changed = new FakeDossierChanged();
  const clock = new ControlledClock(NOW);
  const useCase = new ReassignCasusregisseurUseCase(
    uow,
    dossiers,
    people,
    changed,
    composer,
    outbox,
    audit,
    clock,
    config,
    new SubmittedOnce(new FakeSubmissionLedger()),
  );
  const reassign = (change: Partial<ReassignCasusregisseurCommand> = {}) =>
    useCase.execute({
      actor: coordinator,
      dossierId: 'd1',
      casusregisseurId: 'tom',
      effectiveDate: '2026-05-04',
      reason: 'tijdelijk-naar-definitief',
      ...change,
    });
  return { dossiers, audit, outbox, uow, changed, reassign };
}

async function refusalOf(work: Promise<unknown>): Promise<unknown> {
  return work.then(
    () => 'accepted',
    (e: unknown) => e,
  );
}

describe('ReassignCasusregisseurUseCase', () => {
  it('hands the dossier to Tom, keeps the change, re-plans, mails both and audits who had it', async () => {
    const { dossiers, audit, outbox, uow, changed, reassign } = setup();
    const result = await reassign({ note: 'Vaste casusregisseur van het VK beschikbaar' });
    expect(result).toEqual({
      code: 'CO3-2026-0012',
      changeId: expect.any(String),
      fromPersonId: 'sara',
      casusregisseurId: 'tom',
      effectiveDate: '2026-05-04',
    });
    expect(dossiers.dossiers.get('d1')!.casusregisseurId).toBe('tom');
    expect(await dossiers.casusregisseurChangesOf(undefined, 'd1')).toEqual([
      {
        id: result.changeId,
        fromPersonId: 'sara',
        toPersonId: 'tom',
        effectiveDate: '2026-05-04',
        reason: 'tijdelijk-naar-definitief',
        note: 'Vaste casusregisseur van het VK beschikbaar',
        changedById: 'coord-1',
        changedAt: new Date(NOW),
      },
    ]);
    // The obligations follow in the same transaction.
    expect(changed.dossiers).toEqual([{ dossierId: 'd1', tx: uow.tx }]);
    const mails = outbox.written();
    expect(mails.map((m) => [m.entry.key, m.entry.recipientEmail, m.mail.subject, m.tx === uow.tx])).toEqual([
      [
        `casusregie-change|${result.changeId}|tom`,
        'tom@example.org',
        'Casusregie: CO3-2026-0012 – CO3 Antwerpen',
        true,
      ],
      [
        `casusregie-change|${result.changeId}|sara`,
        'sara@example.org',
        'Casusregie: CO3-2026-0012 – CO3 Antwerpen',
        true,
      ],
    ]);
    expect(mails[0]!.mail.text).toContain('https://overleg.example/dossiers/CO3-2026-0012');
    expect(mails[1]!.mail.text).toContain('https://overleg.example/opvolging');
    expect(mails[1]!.mail.text).not.toContain('Vaste casusregisseur');
    expect(outbox.enqueued.map((q) => q.key)).toEqual(mails.map((m) => m.entry.key));
    expect(audit.of('dossier.casusregisseur-change')).toEqual([
      {
        actorPersonId: 'coord-1',
        action: 'dossier.casusregisseur-change',
        entityType: 'dossier',
        entityId: 'd1',
        dossierId: 'd1',
        outcome: 'allowed',
        route: 'POST /api/dossiers/:code/casusregisseur',
        details: {
          code: 'CO3-2026-0012',
          changeId: result.changeId,
          from: 'sara',
          to: 'tom',
          effectiveDate: '2026-05-04',
          reason: 'tijdelijk-naar-definitief',
        },
      },
    ]);
    expect(audit.all()[0]!.tx).toBe(uow.tx);
  });

  it('dates the takeover from the ICO’s appointment at the earliest, and from the last takeover after one', async () => {
    const { reassign } = setup();
    // The ICO appointed Sara on Friday 6 February, with the start on Monday 9 February.
    expect(await reassign({ effectiveDate: '2026-02-06' })).toMatchObject({ casusregisseurId: 'tom' });
    const second = await refusalOf(
      reassign({ casusregisseurId: 'sara', effectiveDate: '2026-02-05', reason: 'vertrek' }),
    );
    expect(second).toMatchObject({ code: 'FIELD_INVALID', field: 'effectiveDate', kind: 'unprocessable' });
    expect((second as Error).message).toContain('6 februari 2026');
  });

  it('refuses someone who is not a casusregisseur of the region, naming the field, and writes nothing', async () => {
    for (const who of ['ines', 'elders', 'nobody']) {
      const { dossiers, audit, outbox, changed, uow, reassign } = setup();
      const error = await refusalOf(reassign({ casusregisseurId: who }));
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).errors).toEqual([
        {
          field: 'casusregisseurId',
          code: 'NOT_A_CASUSREGISSEUR',
          message: 'Kies een casusregisseur van de regio uit de lijst.',
        },
      ]);
      expect([
        dossiers.dossiers.get('d1')!.casusregisseurId,
        audit.all(),
        outbox.written(),
        changed.dossiers,
      ]).toEqual(['sara', [], [], []]);
      expect(uow.rollbacks).toBe(1);
    }
  });

  it('answers not found for a dossier of another region, and for one that does not exist', async () => {
    const other = setup({ regionId: 'region-2' });
    expect(await refusalOf(other.reassign())).toMatchObject({ code: 'DOSSIER_NOT_FOUND', kind: 'not_found' });
    expect(other.dossiers.dossiers.get('d1')!.casusregisseurId).toBe('sara');
    const none = setup();
    expect(await refusalOf(none.reassign({ dossierId: 'zzz' }))).toMatchObject({ kind: 'not_found' });
  });

  it.each([
    [
      'a dossier without casusregie',
      { phase: 'zonder_casusregisseur' as const, casusregisseurId: null, casusregieStartDate: null },
      {},
      'ILLEGAL_TRANSITION',
      undefined,
    ],
    ['the same person', {}, { casusregisseurId: 'sara' }, 'FIELD_INVALID', 'casusregisseurId'],
    ['a day after today in Brussels', {}, { effectiveDate: '2026-05-05' }, 'FIELD_INVALID', 'effectiveDate'],
    ['another reason without a note', {}, { reason: 'andere' as const }, 'FIELD_REQUIRED', 'note'],
  ] as [
    string,
    Partial<FakeDossierRecord>,
    Partial<ReassignCasusregisseurCommand>,
    string,
    string | undefined,
  ][])(
    'refuses %s as unprocessable and leaves everything as it was',
    async (_, dossier, change, code, field) => {
      const { dossiers, audit, outbox, changed, reassign } = setup(dossier);
      const error = await refusalOf(reassign(change));
      expect(error).toBeInstanceOf(AgendaRefusal);
      expect(error).toMatchObject({ code, field, kind: 'unprocessable' });
      expect([audit.all(), outbox.written(), changed.dossiers]).toEqual([[], [], []]);
      expect(dossiers.dossiers.get('d1')!.casusregisseurId).toBe(
        dossier.casusregisseurId === null ? null : 'sara',
      );
    },
  );

  it('rolls everything back when the obligations cannot follow: no change, no mail', async () => {
    const { dossiers, audit, outbox, changed, reassign } = setup();
    changed.dossierChanged = () => Promise.reject(new Error('down'));
    await expect(reassign()).rejects.toThrow('down');
    expect(dossiers.dossiers.get('d1')!.casusregisseurId).toBe('sara');
    expect(await dossiers.casusregisseurChangesOf(undefined, 'd1')).toEqual([]);
    expect([audit.all(), outbox.written(), outbox.enqueued]).toEqual([[], [], []]);
  });

  it('refuses a change that lost the race with another one', async () => {
    const { dossiers, reassign } = setup();
    const change = dossiers.changeCasusregisseur.bind(dossiers);
    dossiers.changeCasusregisseur = async (tx, id, c) => {
      dossiers.dossiers.update(id, { casusregisseurId: 'someone-else' });
      return change(tx, id, c);
    };
    expect(await refusalOf(reassign())).toMatchObject({ code: 'CASUSREGISSEUR_CHANGED', kind: 'conflict' });
  });
});
