import type { RoleGrant } from '@overlegtafels/auth';
import { MailComposer, mailIdentity } from '@overlegtafels/mail';
import {
  ControlledClock,
  FakeAuditLog,
  fakeDossier,
  FakeDossierRepository,
  fakeDossierRecord,
  FakeMailOutbox,
  FakePersonDirectory,
  FakeObligationReadModel,
  FakeObligationRepository,
  fakeListRow,
  FakeUnitOfWork,
  principalWith,
} from '@overlegtafels/testing';
import { SyncDossierObligationsUseCase } from '../sync-dossier-obligations/sync-dossier-obligations.usecase';
import { ObligationFormGate } from './obligation-form-gate';
import { ObligationRules } from './obligation-rules';

export const D = 'dossier-1';
export const CODE = 'CO3-2026-0042';

/** Who the form specs act as: the casusregisseur, a coordinator of the Ronde Tafel, a strategic coordinator. */
export const people = {
  pieter: principalWith('pieter', [{ role: 'casusregisseur', tableKey: null }]),
  tom: principalWith('tom', [{ role: 'casusregisseur', tableKey: null }]),
  lotte: principalWith('lotte', [{ role: 'coordinator', tableKey: 'ronde-tafel' }]),
  wim: principalWith('wim', [{ role: 'coordinator', tableKey: 'ico' }]),
  ines: principalWith('ines', [{ role: 'strategisch-coordinator', tableKey: null }]),
  elders: principalWith(
    'elders',
    [{ role: 'strategisch-coordinator', tableKey: null }] as RoleGrant[],
    'region-2',
  ),
};

/**
 * A CO3 dossier directed by Pieter, afgerond on Tuesday 8 September 2026 (the six-month report
 * due on 8 March 2027) and, when `closed`, closed on Thursday 18 March 2027 (the quality check due
 * on 15 April), its obligations planned by the real re-plan on the fakes.
 */
export async function formsWorld(options: { closed?: boolean; now?: string } = {}) {
  const repo = new FakeObligationRepository();
  repo.addDossier(
    fakeDossier(D, {
      code: CODE,
      casusregisseurId: 'pieter',
      casusregieStartDate: new Date('2025-11-14T00:00:00Z'),
      consentVerifiedAt: new Date('2025-11-14T10:00:00Z'),
      afrondingDate: new Date('2026-09-08T00:00:00Z'),
      ...(options.closed && { afsluitingDate: new Date('2027-03-18T00:00:00Z') }),
    }),
  );
  const dossiers = new FakeDossierRepository([
    fakeDossierRecord({
      id: D,
      code: CODE,
      phase: options.closed ? 'afgesloten' : 'afgerond',
      casusregisseurId: 'pieter',
      casusregieStartDate: '2025-11-14',
      afrondingDate: '2026-09-08',
      afsluitingDate: options.closed ? '2027-03-18' : null,
    }),
  ]);
  const obligationPeople = new FakePersonDirectory()
    .addPerson({ id: 'pieter', email: 'pieter@example.be' })
    .addPerson({ id: 'lotte', email: 'lotte@example.be', coordinates: ['ronde-tafel'] })
    .addPerson({ id: 'jonas', email: 'jonas@example.be', coordinates: [null] })
    .addPerson({ id: 'wim', email: 'wim@example.be', coordinates: ['ico'] })
    .addPerson({ id: 'ines', email: 'ines@example.be', strategic: true });
  const audit = new FakeAuditLog();
  const outbox = new FakeMailOutbox();
  const uow = new FakeUnitOfWork(...repo.stores, audit, outbox);
  const clock = new ControlledClock(options.now ?? '2027-03-01T09:00:00Z');
  const rules = new ObligationRules({ regions: ['co3-antwerpen'] });
  const sync = new SyncDossierObligationsUseCase(repo, rules, clock);
  await uow.run((tx) => sync.execute(tx, { dossierId: D }));
  const gate = new ObligationFormGate(repo, rules, audit, clock);
  const composer = new MailComposer(mailIdentity('overlegtafels@co3.example.be', 'CO3 Antwerpen'));
  const obligation = (ruleKey: string) => repo.obligationsOf(D).find((o) => o.ruleKey === ruleKey)!;
  /** The pages' read model, filled from the fake's rows. */
  const readModel = () => {
    const reads = new FakeObligationReadModel();
    for (const o of repo.obligationsOf(D)) {
      reads.add(
        fakeListRow(o.id, {
          dossierId: D,
          dossierCode: CODE,
          ruleKey: o.ruleKey,
          sequence: o.sequence,
          ownerId: o.ownerId,
          ownerRole: o.ownerRole,
          tableKey: o.tableKey,
          dueAt: o.dueAt,
          status: o.status,
          casusregisseurId: 'pieter',
        }),
      );
    }
    return reads;
  };
  return {
    repo,
    dossiers,
    obligationPeople,
    audit,
    outbox,
    uow,
    clock,
    rules,
    sync,
    gate,
    composer,
    obligation,
    readModel,
  };
}
