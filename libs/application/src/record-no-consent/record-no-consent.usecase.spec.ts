import { SubmittedOnce } from '../submissions/submitted-once';
import { FakeSubmissionLedger } from '@overlegtafels/testing';
import type { AppConfig } from '@overlegtafels/config';
import { MailComposer, mailIdentity } from '@overlegtafels/mail';
import {
  ControlledClock,
  FakeAuditLog,
  FakeDossierChanged,
  FakeDossierRecord,
  FakeDossierRepository,
  fakeDossierRecord,
  FakeMailOutbox,
  FakePersonDirectory,
  FakeUnitOfWork,
} from '@overlegtafels/testing';
import { AgendaRefusal } from '../errors';
import type { CasusregisseurActor } from '../agenda/casusregisseur-guard';
import { RecordNoConsentUseCase } from './record-no-consent.usecase';

const config = { regions: ['co3-antwerpen'], publicUrl: 'https://overleg.example' } as AppConfig;
const composer = new MailComposer(mailIdentity('overlegtafels@co3.example.be', 'CO3 Antwerpen'));
const tom: CasusregisseurActor = {
  personId: 'tom',
  regionId: 'region-1',
  route: 'POST /api/dossiers/:code/geen-instemming',
  coordinator: false,
};
const INPUT = { establishedOn: '2026-12-10', note: 'Beide ouders weigeren.' };

/** The ICO appointed Tom from Monday 7 December 2026 on, without consent; today is 11 December. */
function setup(dossier: Partial<FakeDossierRecord> = {}) {
  const dossiers = new FakeDossierRepository([
    fakeDossierRecord({
      id: 'd1',
      code: 'CO3-2026-0007',
      phase: 'casusregie',
      casusregisseurId: 'tom',
      aanmelderId: 'eva',
      casusregiePlannedStartDate: '2026-12-07',
      ...dossier,
    }),
  ]);
  const people = new FakePersonDirectory([
    { id: 'eva', email: 'eva@example.org', displayName: 'Eva' },
    { id: 'tom', email: 'tom@example.org', displayName: 'Tom' },
  ])
    .addPerson({ id: 'lotte', email: 'lotte@example.be', coordinates: ['ico'] })
    .addPerson({ id: 'wim', email: 'wim@example.be', coordinates: ['weegploeg'] });
  const audit = new FakeAuditLog();
  const outbox = new FakeMailOutbox();
  const uow = new FakeUnitOfWork(dossiers, audit, outbox);
  const changed = new FakeDossierChanged();
  const clock = new ControlledClock('2026-12-11T09:00:00Z');
  const useCase = new RecordNoConsentUseCase(
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
  return { dossiers, audit, outbox, uow, changed, useCase };
}

describe('RecordNoConsentUseCase', () => {
  it('ends the appointment, re-plans, mails the aanmelder and the ICO’s coordinators in one transaction', async () => {
    const { dossiers, audit, outbox, uow, changed, useCase } = setup();
    expect(await useCase.execute({ actor: tom, dossierId: 'd1', noConsent: INPUT })).toEqual({
      code: 'CO3-2026-0007',
      establishedOn: '2026-12-10',
      returnsLeft: 2,
    });
    expect(dossiers.dossiers.get('d1')).toMatchObject({
      phase: 'geen_instemming',
      casusregisseurId: null,
      casusregiePlannedStartDate: null,
    });
    expect(dossiers.noConsents.get('d1')).toEqual({ ...INPUT, recordedById: 'tom' });
    expect(changed.dossiers).toEqual([{ dossierId: 'd1', tx: uow.tx }]);
    const written = outbox.written();
    expect(written.map((w) => [w.entry.recipientEmail, w.entry.purpose, w.mail.subject, w.tx])).toEqual([
      ['eva@example.org', 'no-consent-found', 'Geen instemming: CO3-2026-0007 – CO3 Antwerpen', uow.tx],
      ['lotte@example.be', 'no-consent-found', 'Geen instemming: CO3-2026-0007 – CO3 Antwerpen', uow.tx],
    ]);
    expect(written[0]!.mail.text).toContain('U kunt nog 2 keer terugkomen');
    expect(written.every((w) => !w.mail.text.includes('weigeren'))).toBe(true);
    expect(audit.of('dossier.geen-instemming')).toMatchObject([
      {
        actorPersonId: 'tom',
        dossierId: 'd1',
        outcome: 'allowed',
        details: {
          code: 'CO3-2026-0007',
          establishedOn: '2026-12-10',
          returnsLeft: 2,
          formerCasusregisseur: 'tom',
        },
      },
    ]);
  });

  it('answers a repeat of its key as the first, although the appointment and the access ended with it', async () => {
    const { audit, outbox, useCase } = setup();
    const once = { actor: tom, dossierId: 'd1', noConsent: INPUT, submissionKey: 'geen-instemming-01' };
    const first = await useCase.execute(once);
    expect(await useCase.execute(once)).toEqual(first);
    expect(
      await useCase.firstAnswer({
        actor: tom,
        code: 'CO3-2026-0007',
        noConsent: INPUT,
        submissionKey: 'geen-instemming-01',
      }),
    ).toEqual(first);
    expect(outbox.written()).toHaveLength(2);
    expect(audit.of('dossier.geen-instemming').map((e) => e.outcome)).toEqual(['allowed']);
    // Not a key of his, another note, or no key: the ordinary way, which refuses.
    expect(
      await useCase.firstAnswer({
        actor: tom,
        code: 'CO3-2026-0007',
        noConsent: INPUT,
        submissionKey: 'iets-anders-01',
      }),
    ).toBeUndefined();
    await expect(
      useCase.firstAnswer({
        actor: tom,
        code: 'CO3-2026-0007',
        noConsent: { ...INPUT, note: 'Anders.' },
        submissionKey: 'geen-instemming-01',
      }),
    ).rejects.toMatchObject({ code: 'SUBMISSION_KEY_REUSED' });
    await expect(useCase.execute({ ...once, submissionKey: undefined })).rejects.toMatchObject({
      code: 'NOT_CASUSREGISSEUR',
    });
  });

  it('refuses once the consent is there, and writes nothing', async () => {
    const { dossiers, outbox, useCase } = setup({ casusregieStartDate: '2026-12-07' });
    const error = await useCase
      .execute({ actor: tom, dossierId: 'd1', noConsent: INPUT })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AgendaRefusal);
    expect((error as AgendaRefusal).code).toBe('ILLEGAL_TRANSITION');
    expect(dossiers.dossiers.get('d1')!.phase).toBe('casusregie');
    expect(outbox.written()).toEqual([]);
  });

  it('answers another region’s dossier as not found, and someone else’s as forbidden (audited)', async () => {
    const other = setup({ regionId: 'region-2' });
    await expect(
      other.useCase.execute({ actor: tom, dossierId: 'd1', noConsent: INPUT }),
    ).rejects.toMatchObject({
      code: 'DOSSIER_NOT_FOUND',
    });
    const notHis = setup({ casusregisseurId: 'sara' });
    await expect(
      notHis.useCase.execute({ actor: tom, dossierId: 'd1', noConsent: INPUT }),
    ).rejects.toMatchObject({
      code: 'NOT_CASUSREGISSEUR',
    });
    expect(notHis.audit.of('dossier.geen-instemming')).toMatchObject([{ outcome: 'denied' }]);
  });
});
