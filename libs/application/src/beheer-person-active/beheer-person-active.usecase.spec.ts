import type { AppConfig } from '@overlegtafels/config';
import { actionPointRuleKey } from '@overlegtafels/domain';
import { MailComposer, mailIdentity } from '@overlegtafels/mail';
import {
  FakeCasusregieHandoverReads,
  fakeDossier,
  FakeMailOutbox,
  FakeObligationRepository,
  FakePersonDirectory,
  FakeUnitOfWork,
} from '@overlegtafels/testing';
import { beheerder, beheerWorld, refusalOf } from '../beheer/beheer-world.test-util';
import { CasusregieHandover } from '../casusregie-handover/casusregie-handover.service';
import { ObligationRules } from '../obligations/obligation-rules';
import { ObligationsFollowDossier } from '../obligations/obligations-follow-dossier';
import { SyncDossierObligationsUseCase } from '../sync-dossier-obligations/sync-dossier-obligations.usecase';
import { BeheerSetPersonActiveUseCase } from './beheer-person-active.usecase';

const config = { regions: ['co3-antwerpen'], publicUrl: 'https://overleg.example' } as AppConfig;
const composer = new MailComposer(mailIdentity('overlegtafels@co3.example.be', 'CO3 Antwerpen'));

/**
 * Sara directs d1 (in casusregie, with its three first tasks and an action point of the Ronde
 * Tafel's verslag) and owns an action point of the Weegploeg on Tom's d2; d3 is closed. Rita
 * coordinates the Ronde Tafel, Wout the Weegploeg, Ivo the ICO.
 */
function world() {
  const beheer = beheerWorld([
    { id: 'sara', email: 'sara@example.org', roles: [{ role: 'casusregisseur', tableKey: null }] },
    { id: 'tom', email: 'tom@example.org', roles: [{ role: 'casusregisseur', tableKey: null }] },
  ]);
  const repo = new FakeObligationRepository();
  repo.personActive = (id) => beheer.directory.persons.get(id)?.active;
  const start = new Date('2026-11-02T00:00:00Z');
  repo.addDossier(
    fakeDossier('d1', { code: 'CO3-2026-0012', casusregisseurId: 'sara', casusregieStartDate: start }),
  );
  repo.addDossier(
    fakeDossier('d2', { code: 'CO3-2026-0013', casusregisseurId: 'tom', casusregieStartDate: start }),
  );
  repo.addDossier(fakeDossier('d3', { code: 'CO3-2026-0002', casusregisseurId: 'sara' }));
  const people = new FakePersonDirectory().addPeople([
    { id: 'rita', email: 'rita@example.be', displayName: 'Rita', coordinates: ['ronde-tafel'] },
    { id: 'wout', email: 'wout@example.be', displayName: 'Wout', coordinates: ['weegploeg'] },
    { id: 'ivo', email: 'ivo@example.be', displayName: 'Ivo', coordinates: ['ico'] },
  ]);
  const outbox = new FakeMailOutbox();
  const uow = new FakeUnitOfWork(beheer.directory, beheer.audit, beheer.ledger, outbox, ...repo.stores);
  const rules = new ObligationRules(config);
  const sync = new SyncDossierObligationsUseCase(repo, rules, beheer.clock);
  const changed = new ObligationsFollowDossier(sync);
  const reads = new FakeCasusregieHandoverReads(repo, {
    d1: 'casusregie',
    d2: 'casusregie',
    d3: 'afgesloten',
  });
  const handover = new CasusregieHandover(
    reads,
    changed,
    repo,
    people,
    composer,
    outbox,
    beheer.audit,
    config,
  );
  const useCase = new BeheerSetPersonActiveUseCase(
    uow,
    beheer.directory,
    beheer.change,
    beheer.clock,
    beheer.once,
    handover,
    outbox,
  );
  return { ...beheer, repo, outbox, uow, changed, useCase };
}

async function planned(w: ReturnType<typeof world>) {
  await w.uow.run(async (tx) => {
    await w.changed.dossierChanged(tx, 'd1');
    await w.changed.dossierChanged(tx, 'd2');
    for (const [dossierId, table, id, owner] of [
      ['d1', 'ronde-tafel', 'ap-1', 'sara'],
      ['d2', 'weegploeg', 'ap-2', 'sara'],
      ['d2', 'weegploeg', 'ap-3', 'tom'],
    ] as const) {
      await w.repo.addObligation(
        tx,
        {
          dossierId,
          ruleKey: actionPointRuleKey(table, id),
          sequence: 0,
          placement: {
            ownerId: owner,
            ownerRole: 'casusregisseur',
            tableKey: table,
            itemType: null,
            sessionKey: null,
          },
          dueAt: new Date('2026-12-20T16:00:00Z'),
          status: 'open',
          fulfilment: null,
        },
        [],
      );
    }
  });
}

const placement = (w: ReturnType<typeof world>, dossierId: string) =>
  w.repo.obligationsOf(dossierId).map((o) => [o.ruleKey.split(':')[0], o.ownerId, o.ownerRole, o.tableKey]);

describe('a beheerder deactivates a casusregisseur with open dossiers and tasks', () => {
  it('hands their dossiers, tasks and action points to the coordinators in the same change, and tells them', async () => {
    const w = world();
    await planned(w);
    expect(w.repo.obligationsOf('d1').filter((o) => o.ownerId === 'sara')).toHaveLength(4);

    const result = await w.useCase.execute({
      actor: beheerder,
      personId: 'sara',
      active: false,
      reason: 'Vertrokken',
    });

    expect(result).toEqual({
      personId: 'sara',
      active: false,
      handedOver: { dossiers: 1, obligations: 3, actionPoints: 2 },
      repeated: false,
    });
    // The casusregisseur's tasks: the casusregie follow-up table's coordinators'.
    expect(placement(w, 'd1')).toEqual([
      ['actiepunt', null, 'coordinator', 'ronde-tafel'],
      ['eerste-plan-van-aanpak', null, 'coordinator', 'ronde-tafel'],
      ['instemming-volwassene', null, 'coordinator', 'ronde-tafel'],
      ['tussentijdse-evaluatie', null, 'coordinator', 'ronde-tafel'],
    ]);
    // Her action point on another's dossier: its own table's coordinators'; Tom's stays his.
    expect(
      w.repo
        .obligationsOf('d2')
        .filter((o) => o.ruleKey.startsWith('actiepunt'))
        .map((o) => [o.ownerId, o.ownerRole, o.tableKey]),
    ).toEqual([
      [null, 'coordinator', 'weegploeg'],
      ['tom', 'casusregisseur', 'weegploeg'],
    ]);
    expect(
      w.repo
        .obligationsOf('d2')
        .filter((o) => !o.ruleKey.startsWith('actiepunt'))
        .every((o) => o.ownerId === 'tom'),
    ).toBe(true);

    const mails = w.outbox.written();
    expect(mails.map((m) => [m.entry.recipientPersonId, m.entry.dossierId, m.mail.subject])).toEqual([
      ['rita', 'd1', 'Casusregie: CO3-2026-0012 – CO3 Antwerpen'],
      ['wout', 'd2', 'Casusregie: CO3-2026-0013 – CO3 Antwerpen'],
    ]);
    expect(mails[0]!.mail.text).toContain('https://overleg.example/dossiers/CO3-2026-0012#casusregisseurs');
    expect(mails[0]!.mail.text).toContain('nieuwe casusregisseur nodig');
    expect(mails[1]!.mail.text).toContain('https://overleg.example/opvolging');
    // Sent once the change committed.
    expect(w.outbox.enqueued.map((m) => m.key)).toEqual(mails.map((m) => m.entry.key));

    expect(w.audit.of('dossier.casusregie-handover').map((a) => [a.entityId, a.details])).toEqual([
      [
        'd1',
        {
          code: 'CO3-2026-0012',
          personId: 'sara',
          casusregisseur: true,
          obligations: 3,
          actionPoints: 1,
          mails: 1,
        },
      ],
      [
        'd2',
        {
          code: 'CO3-2026-0013',
          personId: 'sara',
          casusregisseur: false,
          obligations: 0,
          actionPoints: 1,
          mails: 1,
        },
      ],
    ]);
    expect(w.audit.of('beheer.person.deactivate').map((a) => a.details)).toEqual([
      expect.objectContaining({ dossiers: 1, obligations: 3, actionPoints: 2, reason: 'Vertrokken' }),
    ]);
  });

  it('keeps the tasks with the coordinators through a re-plan; a new casusregisseur gets the open ones', async () => {
    const w = world();
    await planned(w);
    await w.useCase.execute({ actor: beheerder, personId: 'sara', active: false, reason: 'Vertrokken' });
    await w.uow.run((tx) => w.changed.dossierChanged(tx, 'd1'));
    expect(placement(w, 'd1').filter(([, owner]) => owner !== null)).toEqual([]);

    // What the change of casusregisseur writes, and its re-plan.
    w.repo.changeDossier('d1', { casusregisseurId: 'tom', casusregisseurActive: true });
    await w.uow.run((tx) => w.changed.dossierChanged(tx, 'd1'));
    expect(placement(w, 'd1')).toEqual([
      ['actiepunt', null, 'coordinator', 'ronde-tafel'],
      ['eerste-plan-van-aanpak', 'tom', 'casusregisseur', 'weegploeg'],
      ['instemming-volwassene', 'tom', 'casusregisseur', 'ico'],
      ['tussentijdse-evaluatie', 'tom', 'casusregisseur', 'ronde-tafel'],
    ]);
  });

  it('takes nothing back on reactivation, and a repeat of the form hands over and mails nothing more', async () => {
    const w = world();
    await planned(w);
    const command = {
      actor: beheerder,
      personId: 'sara',
      active: false,
      reason: 'Vertrokken',
      submissionKey: 'deactiveren-0001',
    };
    const first = await w.useCase.execute(command);
    const again = await w.useCase.execute(command);
    expect(again).toEqual({ ...first, repeated: true });
    expect(w.outbox.written()).toHaveLength(2);

    const back = await w.useCase.execute({
      actor: beheerder,
      personId: 'sara',
      active: true,
      reason: 'Terug',
    });
    expect(back.handedOver).toEqual({ dossiers: 0, obligations: 0, actionPoints: 0 });
    // Not even the next re-plan: she left d1, which keeps waiting for a new casusregisseur.
    await w.uow.run((tx) => w.changed.dossierChanged(tx, 'd1'));
    expect(w.repo.obligationsOf('d1').filter((o) => o.ownerId === 'sara')).toEqual([]);
    expect(w.outbox.written()).toHaveLength(2);
  });

  it('lets no beheerder of another region deactivate, and so hand over, anything', async () => {
    const w = world();
    await planned(w);
    const other = await refusalOf(
      w.useCase.execute({
        actor: { ...beheerder, regionId: 'region-2' },
        personId: 'sara',
        active: false,
        reason: 'x',
      }),
    );
    expect(other.code).toBe('PERSON_NOT_FOUND');
    expect(w.repo.obligationsOf('d1').filter((o) => o.ownerId === 'sara')).toHaveLength(4);
    expect(w.outbox.written()).toEqual([]);
    expect(w.audit.of('dossier.casusregie-handover')).toEqual([]);
  });
});
