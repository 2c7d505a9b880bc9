import type { Principal } from '@overlegtafels/auth';

type Role = Principal['grants'][number]['role'];
import {
  ControlledClock,
  FakeAuditLog,
  FakeDossierRepository,
  fakeDossierRecord,
} from '@overlegtafels/testing';
import { AgendaRefusal } from '../errors';
import { OpenDossierUseCase } from './open-dossier.usecase';

const CODE = 'CO3-2026-0004';

function principal(personId: string, roles: Role[], regionId = 'region-1'): Principal {
  return {
    personId,
    regionId,
    displayName: 'Iemand',
    email: 'iemand@example.org',
    organisationId: null,
    grants: roles.map((role) => ({ role, tableKey: null })),
    sessionId: 's',
    csrfToken: 'c',
  };
}

function setup() {
  const dossiers = new FakeDossierRepository([
    fakeDossierRecord({
      id: 'd1',
      code: CODE,
      casusregisseurId: 'cr-1',
      aanmelderId: 'am-1',
      phase: 'casusregie',
    }),
  ]);
  const audit = new FakeAuditLog();
  const clock = new ControlledClock('2026-12-01T10:00:00Z');
  const useCase = new OpenDossierUseCase(dossiers, audit, clock);
  const open = (who: Principal, code = CODE) =>
    useCase.execute({ principal: who, code, action: 'dossier.read', route: 'GET /dossiers/:code' });
  return { audit, open };
}

const denied = (personId: string, entityId: string | null, code: string | null) => ({
  actorPersonId: personId,
  action: 'dossier.read',
  entityType: 'dossier',
  entityId,
  dossierId: null,
  outcome: 'denied',
  route: 'GET /dossiers/:code',
  details: { code },
});

describe('OpenDossierUseCase', () => {
  it.each([
    ['a coordinator of the region', principal('coord-1', ['coordinator'])],
    ['its casusregisseur', principal('cr-1', ['casusregisseur'])],
    ['its aanmelder', principal('am-1', ['aanmelder'])],
  ])('opens the dossier for %s and audits the look as allowed', async (_, who) => {
    const { audit, open } = setup();
    await expect(open(who)).resolves.toMatchObject({ id: 'd1', code: CODE });
    expect(audit.of('dossier.read')).toEqual([
      { ...denied(who.personId, 'd1', CODE), dossierId: 'd1', outcome: 'allowed' },
    ]);
    expect(audit.all()[0]!.at).toEqual(new Date('2026-12-01T10:00:00Z'));
  });

  it.each([
    ['another casusregisseur', principal('cr-2', ['casusregisseur'])],
    ['its casusregisseur without the role any more', principal('cr-1', ['aanmelder'])],
    ['a coordinator of another region', principal('coord-2', ['coordinator'], 'region-2')],
    ['a member of a table', principal('m-1', ['member'])],
  ])(
    'answers not found to %s, as for a dossier that does not exist, and audits the denial',
    async (_, who) => {
      const { audit, open } = setup();
      const error = await open(who).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AgendaRefusal);
      expect([(error as AgendaRefusal).code, (error as AgendaRefusal).kind]).toEqual([
        'DOSSIER_NOT_FOUND',
        'not_found',
      ]);
      expect(audit.of('dossier.read')).toEqual([denied(who.personId, 'd1', CODE)]);
    },
  );

  it('answers the same for a code that does not exist', async () => {
    const { audit, open } = setup();
    const error = await open(principal('coord-1', ['coordinator']), 'CO3-2026-0999').catch((e: unknown) => e);
    expect((error as AgendaRefusal).kind).toBe('not_found');
    expect(audit.of('dossier.read')).toEqual([denied('coord-1', null, 'CO3-2026-0999')]);
  });

  it('does not look up, nor log, what is not a dossier code', async () => {
    const { audit, open } = setup();
    const error = await open(principal('coord-1', ['coordinator']), 'Jan Peeters').catch((e: unknown) => e);
    expect((error as AgendaRefusal).kind).toBe('not_found');
    expect(audit.of('dossier.read')).toEqual([denied('coord-1', null, null)]);
  });
});
