import type { Principal } from '@overlegtafels/auth';
import {
  ControlledClock,
  FakeAuditLog,
  FakeDossierRepository,
  fakeDossierRecord,
} from '@overlegtafels/testing';
import { ListDossiersUseCase } from './list-dossiers.usecase';

type Role = Principal['grants'][number]['role'];
const principal = (personId: string, roles: Role[], regionId = 'region-1'): Principal => ({
  personId,
  regionId,
  displayName: 'Iemand',
  email: 'iemand@example.org',
  organisationId: null,
  grants: roles.map((role) => ({ role, tableKey: null })),
  sessionId: 's',
  csrfToken: 'c',
});

function setup() {
  const dossiers = new FakeDossierRepository([
    fakeDossierRecord({ id: 'd2', code: 'CO3-2026-0002', casusregisseurId: 'cr-1', aanmelderId: 'am-1' }),
    fakeDossierRecord({ id: 'd1', code: 'CO3-2026-0001', aanmelderId: 'am-1' }),
    fakeDossierRecord({ id: 'd3', code: 'CO3-2026-0003', casusregisseurId: 'cr-2' }),
    fakeDossierRecord({ id: 'd9', code: 'VB-2026-0001', regionId: 'region-2', casusregisseurId: 'cr-1' }),
  ]);
  const audit = new FakeAuditLog();
  const useCase = new ListDossiersUseCase(dossiers, audit, new ControlledClock('2026-12-01T10:00:00Z'));
  return { audit, list: (p: Principal) => useCase.execute({ principal: p, route: 'GET /api/dossiers' }) };
}

const codes = (rows: { code: string }[]) => rows.map((r) => r.code);

describe('ListDossiersUseCase', () => {
  it('shows a coordinator every dossier of the region, by code, and audits how many', async () => {
    const { audit, list } = setup();
    expect(codes(await list(principal('coord-1', ['coordinator'])))).toEqual([
      'CO3-2026-0001',
      'CO3-2026-0002',
      'CO3-2026-0003',
    ]);
    expect(audit.of('dossier.list')).toEqual([
      {
        actorPersonId: 'coord-1',
        action: 'dossier.list',
        entityType: 'dossier',
        entityId: null,
        outcome: 'allowed',
        route: 'GET /api/dossiers',
        details: { count: 3 },
      },
    ]);
  });

  it('shows a casusregisseur the dossiers they direct or referred, of their own region only', async () => {
    const { list } = setup();
    expect(codes(await list(principal('cr-1', ['casusregisseur'])))).toEqual(['CO3-2026-0002']);
  });

  it('shows an aanmelder the dossiers they referred', async () => {
    const { list } = setup();
    expect(codes(await list(principal('am-1', ['aanmelder'])))).toEqual(['CO3-2026-0001', 'CO3-2026-0002']);
  });

  it('shows someone without a role on any dossier nothing, and audits that too', async () => {
    const { audit, list } = setup();
    expect(await list(principal('m-1', ['member']))).toEqual([]);
    expect(audit.of('dossier.list')[0]!.details).toEqual({ count: 0 });
  });
});
