import type { DossierState } from '@overlegtafels/domain';
import {
  ControlledClock,
  FakeAuditLog,
  FakeDossierChanged,
  FakeDossierRepository,
  fakeDossierRecord,
  FakeMailOutbox,
  FakeSubmissionLedger,
  FakeUnitOfWork,
} from '@overlegtafels/testing';
import { AgendaRefusal, InputError } from '../errors';
import type { DossierReopenings, NewReopening } from '../ports/dossier-reopenings.port';
import { SubmittedOnce } from '../submissions/submitted-once';
import { REOPENING_CANCEL_REASON, ReopenDossierUseCase } from './reopen-dossier.usecase';

const ROUTE = 'POST /api/dossiers/:code/heropening';
const bram = { personId: 'bram', regionId: 'region-ov', route: ROUTE };

class RecordedReopenings implements DossierReopenings {
  readonly made: { dossierId: string; next: DossierState; reopening: NewReopening }[] = [];
  async reopen(_tx: unknown, dossierId: string, next: DossierState, reopening: NewReopening) {
    this.made.push({ dossierId, next, reopening });
    return { id: `heropening-${this.made.length}` };
  }
}

/** A dossier of the team regie, afgesloten on Tuesday 8 September 2026; today is 25 January 2027. */
function setup(region: string, phase = 'afgesloten') {
  const dossiers = new FakeDossierRepository([
    fakeDossierRecord({
      id: 'd1',
      code: 'VHOV-2026-0001',
      regionId: 'region-ov',
      phase: phase as never,
      casusregisseurId: 'elke',
      casusregieStartDate: '2026-01-19',
      afrondingDate: '2026-06-02',
      ...(phase === 'afgesloten' && { afsluitingDate: '2026-09-08' }),
    }),
  ]);
  const audit = new FakeAuditLog();
  const ledger = new FakeSubmissionLedger();
  const uow = new FakeUnitOfWork(dossiers, audit, new FakeMailOutbox(), ledger);
  const changed = new FakeDossierChanged();
  const reopenings = new RecordedReopenings();
  const clock = new ControlledClock('2027-01-25T08:00:00Z');
  const useCase = new ReopenDossierUseCase(
    uow,
    dossiers,
    reopenings,
    changed,
    audit,
    clock,
    { regions: [region] },
    new SubmittedOnce(ledger),
  );
  return { useCase, audit, changed, reopenings };
}

const refusalOf = (p: Promise<unknown>) => p.then(() => undefined).catch((e: unknown) => e);

describe('ReopenDossierUseCase', () => {
  it('Oost-Vlaanderen: back to the aanmelding with the state before kept, re-planned and audited without the reason', async () => {
    const { useCase, audit, changed, reopenings } = setup('oost-vlaanderen');
    // The re-plan of the next life cancels what the first left open (an action point, say).
    changed.cancelledObligationIds = ['obligation-7'];
    expect(useCase.reopensFrom()).toEqual(['afgesloten']);
    const done = await useCase.execute({
      actor: bram,
      code: 'VHOV-2026-0001',
      body: { reason: ' Nieuwe politietussenkomst op 23 januari 2027. ' },
    });
    expect(done).toEqual({ code: 'VHOV-2026-0001', phase: 'aangemeld', reopeningId: 'heropening-1' });
    expect(reopenings.made).toEqual([
      {
        dossierId: 'd1',
        next: { phase: 'aangemeld', noConsentReturns: 0 },
        reopening: expect.objectContaining({
          fromPhase: 'afgesloten',
          toPhase: 'aangemeld',
          reason: 'Nieuwe politietussenkomst op 23 januari 2027.',
          reopenedById: 'bram',
          reopenedAt: new Date('2027-01-25T08:00:00Z'),
          priorState: expect.objectContaining({ phase: 'afgesloten', afsluitingDate: '2026-09-08' }),
        }),
      },
    ]);
    expect(changed.dossiers.map((d) => [d.dossierId, d.why])).toEqual([
      ['d1', { cancelReason: REOPENING_CANCEL_REASON }],
    ]);
    expect(audit.of('dossier.heropening')).toEqual([
      expect.objectContaining({
        outcome: 'allowed',
        dossierId: 'd1',
        route: ROUTE,
        details: {
          code: 'VHOV-2026-0001',
          from: 'afgesloten',
          to: 'aangemeld',
          reopeningId: 'heropening-1',
          cancelledObligations: 1,
        },
      }),
    ]);
    // Each obligation the heropening cancelled has its own audit event, in the same transaction.
    expect(audit.of('obligation.cancel')).toEqual([
      expect.objectContaining({
        actorPersonId: 'bram',
        entityType: 'obligation',
        entityId: 'obligation-7',
        dossierId: 'd1',
        outcome: 'allowed',
        details: { code: 'VHOV-2026-0001', why: 'heropening', reopeningId: 'heropening-1' },
      }),
    ]);
  });

  it('reopens once per submission key: a repeat answers the first, other content with the key is a 409', async () => {
    const { useCase, audit, reopenings } = setup('oost-vlaanderen');
    const command = {
      actor: bram,
      code: 'VHOV-2026-0001',
      body: { reason: 'Nieuwe feiten op 23 januari 2027.' },
      submissionKey: 'heropening-sleutel-1',
    };
    const first = await useCase.execute(command);
    const again = await useCase.execute(command);
    expect(again).toEqual({ ...first, repeated: true });
    expect(reopenings.made).toHaveLength(1);
    expect(audit.of('dossier.heropening')).toHaveLength(1);
    const other = await refusalOf(useCase.execute({ ...command, body: { reason: 'Een andere reden.' } }));
    expect(other).toMatchObject({ code: 'SUBMISSION_KEY_REUSED' });
    expect(reopenings.made).toHaveLength(1);
  });

  it('asks for the reason on its field, and reopens only a closed dossier', async () => {
    const { useCase, reopenings } = setup('oost-vlaanderen');
    const missing = await refusalOf(useCase.execute({ actor: bram, code: 'VHOV-2026-0001', body: {} }));
    expect(missing).toBeInstanceOf(InputError);
    expect((missing as InputError).errors.map((e) => e.field)).toEqual(['reason']);
    const running = setup('oost-vlaanderen', 'afgerond');
    const refused = await refusalOf(
      running.useCase.execute({
        actor: bram,
        code: 'VHOV-2026-0001',
        body: { reason: 'Nieuwe incidenten.' },
      }),
    );
    expect(refused).toMatchObject({ code: 'REOPENING_NOT_ALLOWED', kind: 'conflict' });
    expect([reopenings.made, running.reopenings.made]).toEqual([[], []]);
  });

  it('CO3 Antwerpen keeps a closed dossier closed, in Dutch', async () => {
    const { useCase, reopenings } = setup('co3-antwerpen');
    expect(useCase.reopensFrom()).toEqual([]);
    const refused = await refusalOf(
      useCase.execute({ actor: bram, code: 'VHOV-2026-0001', body: { reason: 'Nieuwe incidenten.' } }),
    );
    expect(refused).toBeInstanceOf(AgendaRefusal);
    expect(refused).toMatchObject({
      code: 'REOPENING_NOT_IN_REGION',
      message:
        'In deze regio wordt een afgesloten dossier niet heropend; meld het gezin bij nieuwe incidenten opnieuw aan.',
    });
    expect(reopenings.made).toEqual([]);
  });

  it('answers another region’s dossier as none, before reading the body, and audits the attempt', async () => {
    const { useCase, audit, reopenings } = setup('oost-vlaanderen');
    const stranger = { personId: 'vreemd', regionId: 'region-andere', route: ROUTE };
    const refused = await refusalOf(useCase.execute({ actor: stranger, code: 'VHOV-2026-0001', body: {} }));
    expect(refused).toMatchObject({ code: 'DOSSIER_NOT_FOUND', kind: 'not_found' });
    expect(audit.of('dossier.heropening')).toEqual([
      expect.objectContaining({ outcome: 'denied', actorPersonId: 'vreemd', dossierId: 'd1' }),
    ]);
    expect(reopenings.made).toEqual([]);
  });
});
