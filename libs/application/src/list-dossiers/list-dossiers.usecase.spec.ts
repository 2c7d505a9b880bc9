import { InputError, ListDossiersUseCase } from '@overlegtafels/application';
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
    createdAt: new Date('2026-02-01T09:00:00Z'),
    regionId: 'region-1',
    casusregisseurId: null,
    aanmelderId: 'someone',
    ...change,
  };
}

const config = { regions: ['co3-antwerpen'] };
const coordinator = principalWith('coord', [{ role: 'coordinator', tableKey: 'ico' }]);

describe('ListDossiersUseCase', () => {
  const clock = new ControlledClock('2026-03-02T09:00:00Z');
  const dossiers = new FakeDossierList([
    dossier('CO3-2026-0002', { casusregisseurId: 'regisseur' }),
    dossier('CO3-2026-0001', { aanmelderId: 'eva' }),
    dossier('VB-2026-0001', { regionId: 'region-2', aanmelderId: 'eva' }),
  ]);
  const useCase = (list = dossiers, audit = new FakeAuditLog()) =>
    new ListDossiersUseCase(list, audit, clock, config);

  it('lists every dossier of the region for a coordinator, newest first, and logs which codes it showed', async () => {
    const audit = new FakeAuditLog();
    const page = await useCase(dossiers, audit).execute(coordinator, 'GET /');
    expect(page.dossiers.map((d) => d.code)).toEqual(['CO3-2026-0002', 'CO3-2026-0001']);
    expect(page.total).toBe(2);
    expect(page.next).toBeUndefined();
    expect(audit.of('dossier.list')).toEqual([
      {
        actorPersonId: 'coord',
        action: 'dossier.list',
        entityType: 'dossier',
        entityId: null,
        outcome: 'allowed',
        route: 'GET /',
        details: { count: 2, total: 2, codes: 'CO3-2026-0002,CO3-2026-0001' },
      },
    ]);
  });

  it('lists only their own dossiers for an aanmelder and a casusregisseur', async () => {
    const eva = principalWith('eva', [{ role: 'aanmelder', tableKey: null }]);
    const regisseur = principalWith('regisseur', [{ role: 'casusregisseur', tableKey: null }]);
    expect((await useCase().execute(eva, 'GET /')).dossiers.map((d) => d.code)).toEqual(['CO3-2026-0001']);
    expect((await useCase().execute(regisseur, 'GET /')).dossiers.map((d) => d.code)).toEqual([
      'CO3-2026-0002',
    ]);
  });

  it('lists nothing for a table member, and still logs the read', async () => {
    const audit = new FakeAuditLog();
    const member = principalWith('lid', [{ role: 'member', tableKey: 'ico' }]);
    expect((await useCase(dossiers, audit).execute(member, 'GET /')).dossiers).toEqual([]);
    expect(audit.of('dossier.list')[0]?.details).toEqual({ count: 0, total: 0, codes: '' });
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
    const page = await useCase(list).execute(coordinator, 'GET /');
    expect(page.dossiers.map((d) => [d.code, d.awaitingConsent])).toEqual([
      ['CO3-2026-0013', false],
      ['CO3-2026-0012', false],
      ['CO3-2026-0011', true],
    ]);
  });

  describe('a page at a time', () => {
    // 7 running and 5 ended dossiers: the ended ones come after every running one.
    const many = new FakeDossierList([
      ...Array.from({ length: 7 }, (_, i) => dossier(`CO3-2026-000${i + 1}`, { phase: 'casusregie' })),
      ...Array.from({ length: 5 }, (_, i) => dossier(`CO3-2025-010${i}`, { phase: 'afgesloten' })),
      dossier('CO3-2024-0001', { phase: 'geen_ketenaanpak' }),
    ]);

    it('walks running then ended dossiers with the next token, none twice and none left out', async () => {
      const seen: string[] = [];
      let after: string | undefined;
      let pages = 0;
      do {
        const page = await useCase(many).execute(coordinator, 'GET /', { limit: 4, ...(after && { after }) });
        expect(page.total).toBe(13);
        seen.push(...page.dossiers.map((d) => d.code));
        after = page.next;
        pages += 1;
      } while (after && pages < 10);
      expect(pages).toBe(4);
      expect(seen).toEqual([
        'CO3-2026-0007',
        'CO3-2026-0006',
        'CO3-2026-0005',
        'CO3-2026-0004',
        'CO3-2026-0003',
        'CO3-2026-0002',
        'CO3-2026-0001',
        'CO3-2025-0104',
        'CO3-2025-0103',
        'CO3-2025-0102',
        'CO3-2025-0101',
        'CO3-2025-0100',
        'CO3-2024-0001',
      ]);
    });

    it('tells the token of the first ended dossier after the last running one', async () => {
      const page = await useCase(many).execute(coordinator, 'GET /', { limit: 7 });
      expect(page.next).toBe('r.CO3-2026-0001');
      const second = await useCase(many).execute(coordinator, 'GET /', { limit: 2, after: page.next });
      expect(second.dossiers.map((d) => d.code)).toEqual(['CO3-2025-0104', 'CO3-2025-0103']);
      expect(second.next).toBe('e.CO3-2025-0103');
    });

    it('narrows by code, phase and period, and logs the filter with the codes shown', async () => {
      const audit = new FakeAuditLog();
      const list = new FakeDossierList([
        dossier('CO3-2026-0001', { phase: 'casusregie', createdAt: new Date('2026-01-31T22:59:00Z') }),
        dossier('CO3-2026-0002', { phase: 'casusregie', createdAt: new Date('2026-01-31T23:00:00Z') }),
        dossier('CO3-2026-0003', { phase: 'aangemeld', createdAt: new Date('2026-02-10T09:00:00Z') }),
        dossier('CO3-2026-0004', { phase: 'casusregie', createdAt: new Date('2026-03-01T09:00:00Z') }),
      ]);
      // 1 February in Brussels starts at 23:00 UTC on 31 January; "tot en met 28 februari" ends
      // at midnight of 1 March in Brussels.
      const page = await useCase(list, audit).execute(coordinator, 'GET /dossiers', {
        code: '2026-000',
        phase: 'casusregie',
        from: '2026-02-01',
        to: '2026-02-28',
      });
      expect(page.dossiers.map((d) => d.code)).toEqual(['CO3-2026-0002']);
      expect(audit.of('dossier.list')[0]?.details).toEqual({
        count: 1,
        total: 1,
        codes: 'CO3-2026-0002',
        filter: 'code=2026-000&phase=casusregie&from=2026-02-01&to=2026-02-28',
      });
    });

    it('finds the dossiers of one casusregisseur, and those discussed at one table', async () => {
      const list = new FakeDossierList([
        dossier('CO3-2026-0001', {
          casusregisseurId: '5b1f8f38-7a8e-4f37-9b0e-1f4c7f0a0001',
          tableKeys: ['ico'],
        }),
        dossier('CO3-2026-0002', {
          casusregisseurId: '5b1f8f38-7a8e-4f37-9b0e-1f4c7f0a0002',
          tableKeys: ['ico', 'weegploeg'],
        }),
      ]);
      const byPerson = await useCase(list).execute(coordinator, 'GET /', {
        casusregisseur: '5b1f8f38-7a8e-4f37-9b0e-1f4c7f0a0001',
      });
      expect(byPerson.dossiers.map((d) => d.code)).toEqual(['CO3-2026-0001']);
      const byTable = await useCase(list).execute(coordinator, 'GET /', { table: 'weegploeg' });
      expect(byTable.dossiers.map((d) => d.code)).toEqual(['CO3-2026-0002']);
    });
  });

  it('refuses a bad filter with every field and its reason at once, and reads nothing', async () => {
    const audit = new FakeAuditLog();
    const attempt = useCase(dossiers, audit).execute(coordinator, 'GET /', {
      code: 'CO3 2026',
      phase: 'opgelost',
      from: '2026-02-30',
      limit: '500',
      after: 'x.CO3',
    });
    await expect(attempt).rejects.toBeInstanceOf(InputError);
    const error = (await attempt.catch((e: InputError) => e)) as InputError;
    expect(error.errors.map((e) => [e.field, e.message])).toEqual([
      ['code', 'Dossiercode: alleen letters, cijfers en streepjes, hoogstens 40.'],
      ['phase', 'Fase: kies een van de fasen uit de lijst.'],
      ['from', 'Aangemeld vanaf: deze datum bestaat niet.'],
      ['after', 'Volgende pagina: deze verwijzing is ongeldig.'],
      ['limit', 'Aantal: hoogstens 200.'],
    ]);
    expect(audit.all()).toEqual([]);
  });

  it('refuses a period that ends before it starts, and a table the region does not have', async () => {
    await expect(
      useCase().execute(coordinator, 'GET /', { from: '2026-03-01', to: '2026-02-01' }),
    ).rejects.toMatchObject({
      errors: [{ field: 'to', message: 'Aangemeld tot en met: deze datum ligt vóór de datum vanaf.' }],
    });
    await expect(useCase().execute(coordinator, 'GET /', { table: 'triage-overleg' })).rejects.toMatchObject({
      errors: [{ field: 'table', code: 'UNKNOWN_TABLE' }],
    });
  });
});
