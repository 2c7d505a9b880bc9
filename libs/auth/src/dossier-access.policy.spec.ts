import { dossierAccess, dossierScope } from './dossier-access.policy';
import { Principal, RoleGrant } from './principal';

function person(id: string, grants: RoleGrant[], regionId = 'r1'): Principal {
  return {
    personId: id,
    regionId,
    displayName: id,
    email: `${id}@example.be`,
    organisationId: null,
    grants,
    sessionId: 's',
    csrfToken: 'c',
  };
}

const dossier = {
  regionId: 'r1',
  casusregisseurId: 'regisseur',
  aanmelderId: 'aanmelder',
  phase: 'casusregie',
};

describe('dossier need-to-know', () => {
  it('lets the coordinator of a table of the region see the dossier', () => {
    expect(dossierAccess(person('coord', [{ role: 'coordinator', tableKey: 'ico' }]), dossier)).toBe('full');
  });

  it('lets the casusregisseur see their own dossier and nobody else’s', () => {
    const regisseur = person('regisseur', [{ role: 'casusregisseur', tableKey: null }]);
    expect(dossierAccess(regisseur, dossier)).toBe('full');
    expect(dossierAccess(regisseur, { ...dossier, casusregisseurId: 'other' })).toBe('none');
  });

  it('lets the aanmelder see the dossier they referred only', () => {
    const aanmelder = person('aanmelder', [{ role: 'aanmelder', tableKey: null }]);
    expect(dossierAccess(aanmelder, dossier)).toBe('full');
    expect(dossierAccess(aanmelder, { ...dossier, aanmelderId: 'someone-else' })).toBe('none');
  });

  it('gives a member of a table no access to dossier contents', () => {
    expect(dossierAccess(person('lid', [{ role: 'member', tableKey: 'weegploeg' }]), dossier)).toBe('none');
  });

  it('never crosses regions, not even for a coordinator', () => {
    expect(dossierAccess(person('coord', [{ role: 'coordinator', tableKey: 'ico' }], 'r2'), dossier)).toBe(
      'none',
    );
  });

  it('an admin manages people, not cases', () => {
    expect(dossierAccess(person('admin', [{ role: 'admin', tableKey: null }]), dossier)).toBe('none');
  });

  it('expresses the same rule as a query scope', () => {
    expect(dossierScope(person('coord', [{ role: 'coordinator', tableKey: 'ico' }]))).toEqual({
      regionId: 'r1',
    });
    expect(dossierScope(person('regisseur', [{ role: 'casusregisseur', tableKey: null }]))).toEqual({
      regionId: 'r1',
      anyOf: [{ aanmelderId: 'regisseur' }, { casusregisseurId: 'regisseur' }],
    });
    expect(dossierScope(person('lid', [{ role: 'member', tableKey: 'ico' }]))).toEqual({
      regionId: 'r1',
      anyOf: [{ aanmelderId: 'lid' }],
    });
  });

  it('loses the dossier for a casusregisseur the moment another one directs it', () => {
    const previous = person('regisseur', [{ role: 'casusregisseur', tableKey: null }]);
    const handedOver = { ...dossier, casusregisseurId: 'opvolger' };
    expect(dossierAccess(previous, handedOver)).toBe('none');
    expect(dossierAccess(person('opvolger', [{ role: 'casusregisseur', tableKey: null }]), handedOver)).toBe(
      'full',
    );
  });

  it('lets a strategic coordinator of the region see the closed dossiers only', () => {
    const strategic = person('fjc', [{ role: 'strategisch-coordinator', tableKey: null }]);
    expect(dossierAccess(strategic, { ...dossier, phase: 'afgesloten' })).toBe('full');
    expect(dossierAccess(strategic, { ...dossier, phase: 'afgerond' })).toBe('none');
    expect(
      dossierAccess(person('fjc', [{ role: 'strategisch-coordinator', tableKey: null }], 'r2'), {
        ...dossier,
        phase: 'afgesloten',
      }),
    ).toBe('none');
    expect(dossierScope(strategic)).toEqual({
      regionId: 'r1',
      anyOf: [{ aanmelderId: 'fjc' }, { phase: 'afgesloten' }],
    });
  });
});
