import { FakeDossierRepository, fakeDossierRecord } from '@overlegtafels/testing';
import { ConsulentCheckQuery } from './consulent-consultation.query';

describe('ConsulentCheckQuery', () => {
  it('tells per dossier of the region whether a consulent is involved and consulted about the afronding', async () => {
    const query = new ConsulentCheckQuery(
      new FakeDossierRepository([
        fakeDossierRecord({ id: 'a', code: 'CO3-2026-0001', consulentInvolved: true }),
        fakeDossierRecord({
          id: 'b',
          code: 'CO3-2026-0002',
          consulentInvolved: true,
          consulentConsultedOn: '2026-08-25',
        }),
        fakeDossierRecord({ id: 'c', code: 'CO3-2026-0003' }),
        fakeDossierRecord({ id: 'd', code: 'VHVB-2026-0001', regionId: 'region-2', consulentInvolved: true }),
      ]),
    );
    const checks = await query.forDossiers({ personId: 'coord', regionId: 'region-1' }, [
      'CO3-2026-0001',
      'CO3-2026-0002',
      'CO3-2026-0003',
      'VHVB-2026-0001',
      'CO3-2026-0099',
    ]);
    expect([...checks]).toEqual([
      ['CO3-2026-0001', { involved: true, consultedOn: null }],
      ['CO3-2026-0002', { involved: true, consultedOn: '2026-08-25' }],
      ['CO3-2026-0003', { involved: false, consultedOn: null }],
    ]);
  });
});
