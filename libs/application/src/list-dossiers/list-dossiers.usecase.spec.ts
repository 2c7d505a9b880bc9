import { ListDossiersUseCase } from '@overlegtafels/application';
import {
  ControlledClock,
  FakeAuditLog,
  FakeDossierList,
  FakeListedDossier,
  principalWith,
} from '@overlegtafels/testing';

function dossier(code: string, change: Partial<FakeListedDossier> = {}): FakeListedDossier {
  return {
    id: code,
    code,
    phase: 'aangemeld',
    casusregisseurName: null,
    casusregieStartDate: null,
    afrondingDate: null,
    regionId: 'region-1',
    casusregisseurId: null,
    aanmelderId: 'someone',
    ...change,
  };
}

describe('ListDossiersUseCase', () => {
  const clock = new ControlledClock('2026-03-02T09:00:00Z');
  const dossiers = new FakeDossierList([
    dossier('CO3-2026-0002', { casusregisseurId: 'regisseur' }),
    dossier('CO3-2026-0001', { aanmelderId: 'eva' }),
    dossier('VB-2026-0001', { regionId: 'region-2', aanmelderId: 'eva' }),
  ]);

  it('lists every dossier of the region for a coordinator, by code, and logs how many', async () => {
    const audit = new FakeAuditLog();
    const coordinator = principalWith('coord', [{ role: 'coordinator', tableKey: 'ico' }]);
    const rows = await new ListDossiersUseCase(dossiers, audit, clock).execute(coordinator, 'GET /');
    expect(rows.map((d) => d.code)).toEqual(['CO3-2026-0001', 'CO3-2026-0002']);
    expect(audit.of('dossier.list')).toEqual([
      {
        actorPersonId: 'coord',
        action: 'dossier.list',
        entityType: 'dossier',
        entityId: null,
        outcome: 'allowed',
        route: 'GET /',
        details: { count: 2 },
      },
    ]);
  });

  it('lists only their own dossiers for an aanmelder and a casusregisseur', async () => {
    const useCase = new ListDossiersUseCase(dossiers, new FakeAuditLog(), clock);
    const eva = principalWith('eva', [{ role: 'aanmelder', tableKey: null }]);
    const regisseur = principalWith('regisseur', [{ role: 'casusregisseur', tableKey: null }]);
    expect((await useCase.execute(eva, 'GET /')).map((d) => d.code)).toEqual(['CO3-2026-0001']);
    expect((await useCase.execute(regisseur, 'GET /')).map((d) => d.code)).toEqual(['CO3-2026-0002']);
  });

  it('lists nothing for a table member, and still logs the read', async () => {
    const audit = new FakeAuditLog();
    const member = principalWith('lid', [{ role: 'member', tableKey: 'ico' }]);
    expect(await new ListDossiersUseCase(dossiers, audit, clock).execute(member, 'GET /')).toEqual([]);
    expect(audit.of('dossier.list')[0]?.details).toEqual({ count: 0 });
  });

  it('says which dossiers in casusregie await the consent of an adult family member', async () => {
    const list = new FakeDossierList([
      dossier('CO3-2026-0011', { phase: 'casusregie', casusregisseurId: 'r' }),
      dossier('CO3-2026-0012', {
        phase: 'casusregie',
        casusregisseurId: 'r',
        casusregieStartDate: new Date('2026-02-06T00:00:00Z'),
      }),
      dossier('CO3-2026-0013'),
    ]);
    const coordinator = principalWith('coord', [{ role: 'coordinator', tableKey: 'ico' }]);
    const rows = await new ListDossiersUseCase(list, new FakeAuditLog(), clock).execute(coordinator, 'GET /');
    expect(rows.map((d) => [d.code, d.awaitingConsent])).toEqual([
      ['CO3-2026-0011', true],
      ['CO3-2026-0012', false],
      ['CO3-2026-0013', false],
    ]);
  });
});
