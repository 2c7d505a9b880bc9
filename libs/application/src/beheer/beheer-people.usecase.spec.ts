import { FakeMailOutbox, FakeSubmissionLedger } from '@overlegtafels/testing';
import { NOTHING_HANDED_OVER } from '../casusregie-handover/casusregie-handover.service';
import { SubmittedOnce } from '../submissions/submitted-once';
import { BeheerAddPersonUseCase } from '../beheer-add-person/beheer-add-person.usecase';
import { BeheerEditPersonUseCase } from '../beheer-edit-person/beheer-edit-person.usecase';
import { BeheerRemoveMembershipUseCase } from '../beheer-membership/beheer-remove-membership.usecase';
import { BeheerSetMembershipUseCase } from '../beheer-membership/beheer-set-membership.usecase';
import { BeheerSetPersonActiveUseCase } from '../beheer-person-active/beheer-person-active.usecase';
import { BeheerSetPersonRolesUseCase } from '../beheer-person-roles/beheer-person-roles.usecase';
import { AddPersonSchema, PersonDetailsSchema } from './beheer.schemas';
import { parseInput } from '../input/parse-input';
import { beheerder, beheerWorld, NOW, POLITIE, refusalOf } from './beheer-world.test-util';

const fien = {
  displayName: 'Fien Fictief',
  email: 'fien@example.org',
  organisationId: POLITIE,
  roles: ['aanmelder'],
  coordinatorTables: ['ico'],
  reason: 'Nieuwe collega',
};

/** The command as the edge hands it over: parsed by the same schema. */
const input = (over: Record<string, unknown> = {}) => parseInput(AddPersonSchema, { ...fien, ...over });

function addPerson(world = beheerWorld()) {
  return {
    world,
    useCase: new BeheerAddPersonUseCase(
      world.uow,
      world.directory,
      world.change,
      world.tables,
      world.once,
      world.clock,
    ),
  };
}

describe('the beheerder adds a person', () => {
  it('adds them to the own region with their roles, audited with the reason and ids only', async () => {
    const { world, useCase } = addPerson();
    const { personId, repeated } = await useCase.execute({ actor: beheerder, ...input() });
    expect(repeated).toBe(false);
    expect(await world.directory.person(personId)).toMatchObject({
      regionId: 'region-1',
      displayName: 'Fien Fictief',
      organisationName: 'Politie (fictief)',
      roles: [
        { role: 'aanmelder', tableKey: null },
        { role: 'coordinator', tableKey: 'ico' },
      ],
    });
    expect(world.audit.of('beheer.person.add')).toEqual([
      {
        actorPersonId: 'beheerder',
        action: 'beheer.person.add',
        entityType: 'person',
        entityId: personId,
        outcome: 'allowed',
        route: 'POST /api/beheer/x',
        details: { organisationId: POLITIE, roles: 'aanmelder,coordinator@ico', reason: 'Nieuwe collega' },
      },
    ]);
  });

  it('adds once per submission key; the same key with other content is refused', async () => {
    const { world, useCase } = addPerson();
    const first = await useCase.execute({ actor: beheerder, ...input(), submissionKey: 'persoon-0001' });
    const again = await useCase.execute({ actor: beheerder, ...input(), submissionKey: 'persoon-0001' });
    expect(again).toEqual({ personId: first.personId, repeated: true });
    const other = await refusalOf(
      useCase.execute({
        actor: beheerder,
        ...input({ displayName: 'Ander' }),
        submissionKey: 'persoon-0001',
      }),
    );
    expect(other.code).toBe('SUBMISSION_KEY_REUSED');
    expect((await world.directory.people('region-1')).filter((p) => p.email === fien.email)).toHaveLength(1);
  });

  it('refuses an address the region already has (any case), on the field, and adds nobody', async () => {
    const { world, useCase } = addPerson();
    const error = await refusalOf(
      useCase.execute({ actor: beheerder, ...input({ email: 'WIM@example.be' }) }),
    );
    expect(error.errors?.map((e) => [e.field, e.code])).toEqual([['email', 'EMAIL_TAKEN']]);
    expect(await world.directory.people('region-1')).toHaveLength(2);
    expect(world.audit.all()).toEqual([]);
  });

  it('refuses another region’s or an inactive organisation on the field, and audits the other region', async () => {
    const { world, useCase } = addPerson();
    for (const organisationId of [
      '00000000-0000-4000-8000-00000000000e',
      '00000000-0000-4000-8000-00000000000d',
      '00000000-0000-4000-8000-00000000000f',
    ]) {
      const error = await refusalOf(useCase.execute({ actor: beheerder, ...input({ organisationId }) }));
      expect([error.code, error.field, error.kind]).toEqual([
        'UNKNOWN_ORGANISATION',
        'organisationId',
        'invalid',
      ]);
    }
    expect(world.audit.all().map((a) => [a.outcome, a.entityId, a.details])).toEqual([
      ['denied', '00000000-0000-4000-8000-00000000000e', { reason: 'OTHER_REGION' }],
    ]);
    expect(await world.directory.people('region-1')).toHaveLength(2);
  });

  it('refuses an unknown table to coordinate, and takes role values only from the domain’s list', async () => {
    const { useCase } = addPerson();
    const table = await refusalOf(
      useCase.execute({ actor: beheerder, ...input({ coordinatorTables: ['kaartclub'] }) }),
    );
    expect(table.errors?.map((e) => e.field)).toEqual(['coordinatorTables']);
    for (const roles of [['koning'], ['member'], 'admin,coordinator']) {
      const parsed = await refusalOf(
        Promise.resolve().then(() =>
          parseInput(AddPersonSchema, { ...fien, roles: Array.isArray(roles) ? roles : [roles] }),
        ),
      );
      expect(parsed.errors?.map((e) => e.field)).toEqual(['roles']);
    }
    expect(parseInput(AddPersonSchema, { ...fien, roles: 'admin' }).roles).toEqual(['admin']);
  });
});

describe('the beheerder changes a person', () => {
  it('corrects the details; the audit says which changed, not to what', async () => {
    const world = beheerWorld();
    const useCase = new BeheerEditPersonUseCase(world.directory, world.change);
    await useCase.execute({
      actor: beheerder,
      personId: 'wim',
      ...parseInput(PersonDetailsSchema, {
        displayName: 'Wim Anders',
        email: 'WIM@example.be',
        reason: 'Naam verbeterd',
      }),
    });
    expect(await world.directory.person('wim')).toMatchObject({
      displayName: 'Wim Anders',
      organisationId: null,
    });
    expect(world.audit.of('beheer.person.edit').map((a) => a.details)).toEqual([
      { displayName: true, email: false, organisationId: null, reason: 'Naam verbeterd' },
    ]);
  });

  it('sets the roles as a whole, keeping the seats’ member roles, and never the own beheerder role away', async () => {
    const world = beheerWorld([
      {
        id: 'an',
        roles: [
          { role: 'member', tableKey: 'ico' },
          { role: 'aanmelder', tableKey: null },
        ],
        memberships: [{ tableKey: 'ico', function: 'lid', standing: true }],
      },
    ]);
    const useCase = new BeheerSetPersonRolesUseCase(world.directory, world.change, world.tables);
    await useCase.execute({
      actor: beheerder,
      personId: 'an',
      roles: ['coordinator'],
      coordinatorTables: ['ico'],
      reason: 'Coördinator',
    });
    expect((await world.directory.person('an'))!.roles).toEqual([
      { role: 'coordinator', tableKey: null },
      { role: 'member', tableKey: 'ico' },
    ]);
    expect(world.audit.of('beheer.person.roles').map((a) => a.details)).toEqual([
      { from: 'aanmelder,member@ico', to: 'coordinator,member@ico', reason: 'Coördinator' },
    ]);
    const own = await refusalOf(
      useCase.execute({
        actor: beheerder,
        personId: 'beheerder',
        roles: [],
        coordinatorTables: [],
        reason: 'x',
      }),
    );
    expect([own.code, own.field, own.kind]).toEqual(['OWN_ADMIN_ROLE', 'roles', 'conflict']);
    expect((await world.directory.person('beheerder'))!.roles).toEqual([{ role: 'admin', tableKey: null }]);
  });

  it('seats a person at a table with the member role, and ends the seat with it', async () => {
    const world = beheerWorld();
    const seat = new BeheerSetMembershipUseCase(
      world.uow,
      world.directory,
      world.change,
      world.tables,
      world.once,
      world.clock,
    );
    const unseat = new BeheerRemoveMembershipUseCase(world.directory, world.change);
    const unknown = await refusalOf(
      seat.execute({
        actor: beheerder,
        personId: 'wim',
        tableKey: 'kaartclub',
        function: 'lid',
        standing: true,
        reason: 'x',
      }),
    );
    expect(unknown.errors?.map((e) => e.field)).toEqual(['tableKey']);
    await seat.execute({
      actor: beheerder,
      personId: 'wim',
      tableKey: 'weegploeg',
      function: 'lid',
      standing: true,
      reason: 'Vast lid',
    });
    expect(await world.directory.person('wim')).toMatchObject({
      memberships: [{ tableKey: 'weegploeg', function: 'lid', standing: true }],
      roles: [{ role: 'member', tableKey: 'weegploeg' }],
    });
    await unseat.execute({ actor: beheerder, personId: 'wim', tableKey: 'weegploeg', reason: 'Vertrokken' });
    expect(await world.directory.person('wim')).toMatchObject({ memberships: [], roles: [] });
    expect(world.audit.all().map((a) => [a.action, a.details])).toEqual([
      [
        'beheer.membership.set',
        { tableKey: 'weegploeg', function: 'lid', standing: true, new: true, reason: 'Vast lid' },
      ],
      [
        'beheer.membership.remove',
        { tableKey: 'weegploeg', function: 'lid', standing: true, reason: 'Vertrokken' },
      ],
    ]);
    const none = await refusalOf(
      unseat.execute({ actor: beheerder, personId: 'wim', tableKey: 'ico', reason: 'x' }),
    );
    expect([none.code, none.kind]).toEqual(['NO_MEMBERSHIP', 'not_found']);
  });
});

describe('the beheerder’s person changes are made once per submission key', () => {
  it('a repeated key corrects, sets roles and ends a seat once, and answers as the first', async () => {
    const world = beheerWorld([
      { id: 'an', memberships: [{ tableKey: 'ico', function: 'lid', standing: true }] },
    ]);
    const edit = new BeheerEditPersonUseCase(world.directory, world.change);
    const roles = new BeheerSetPersonRolesUseCase(world.directory, world.change, world.tables);
    const unseat = new BeheerRemoveMembershipUseCase(world.directory, world.change);
    const details = parseInput(PersonDetailsSchema, {
      displayName: 'An Anders',
      email: 'an@example.be',
      reason: 'Naam verbeterd',
    });
    const person = { actor: beheerder, personId: 'an' };
    for (let i = 0; i < 2; i += 1) {
      await edit.execute({ ...person, ...details, submissionKey: 'gegevens-an' });
      await roles.execute({
        ...person,
        roles: ['aanmelder'],
        coordinatorTables: [],
        reason: 'Meldt aan',
        submissionKey: 'rollen-an',
      });
      // The second time the seat is gone: the key answers as the first, not "not at this table".
      expect(
        await unseat.execute({ ...person, tableKey: 'ico', reason: 'Vertrokken', submissionKey: 'weg-an' }),
      ).toEqual({ repeated: i === 1 });
    }
    expect(world.audit.all().map((a) => a.action)).toEqual([
      'beheer.person.edit',
      'beheer.person.roles',
      'beheer.membership.remove',
    ]);
    const reused = await refusalOf(
      unseat.execute({ ...person, tableKey: 'weegploeg', reason: 'Vertrokken', submissionKey: 'weg-an' }),
    );
    expect([reused.code, reused.kind]).toEqual(['SUBMISSION_KEY_REUSED', 'conflict']);
    expect(await world.directory.person('an')).toMatchObject({
      displayName: 'An Anders',
      memberships: [],
      roles: [{ role: 'aanmelder', tableKey: null }],
    });
    expect(world.ledger.rows.map((r) => r.ref.scope)).toEqual([
      'beheer-person-edit',
      'beheer-person-roles',
      'beheer-membership-remove',
    ]);
  });
});

/** Someone with no dossier or task to hand over (the handover itself: beheer-person-active's spec). */
const nothingToHandOver = { handOver: async () => ({ handedOver: NOTHING_HANDED_OVER, mails: [] }) };

describe('the beheerder deactivates a person', () => {
  it('ends their sessions, feed tokens and login links in the same change, and audits the counts', async () => {
    const world = beheerWorld([{ id: 'fien', sessions: 2, feedTokens: 1, loginLinks: 1 }]);
    const useCase = new BeheerSetPersonActiveUseCase(
      world.uow,
      world.directory,
      world.change,
      world.clock,
      new SubmittedOnce(new FakeSubmissionLedger()),
      nothingToHandOver,
      new FakeMailOutbox(),
    );
    await useCase.execute({ actor: beheerder, personId: 'fien', active: false, reason: 'Vertrokken' });
    expect(world.directory.persons.get('fien')).toMatchObject({
      active: false,
      sessions: 0,
      feedTokens: 0,
      loginLinks: 0,
    });
    expect(world.audit.of('beheer.person.deactivate').map((a) => a.details)).toEqual([
      {
        wasActive: true,
        sessions: 2,
        feedTokens: 1,
        loginLinks: 1,
        dossiers: 0,
        obligations: 0,
        actionPoints: 0,
        reason: 'Vertrokken',
      },
    ]);
    expect(world.audit.all()[0]!.at).toEqual(NOW);
    await useCase.execute({ actor: beheerder, personId: 'fien', active: true, reason: 'Terug' });
    expect(world.directory.persons.get('fien')!.active).toBe(true);
  });

  it('answers another region’s person as not found and audits the attempt; refuses the beheerder themself', async () => {
    const world = beheerWorld();
    const useCase = new BeheerSetPersonActiveUseCase(
      world.uow,
      world.directory,
      world.change,
      world.clock,
      new SubmittedOnce(new FakeSubmissionLedger()),
      nothingToHandOver,
      new FakeMailOutbox(),
    );
    const other = await refusalOf(
      useCase.execute({ actor: beheerder, personId: 'noor', active: false, reason: 'x' }),
    );
    expect([other.code, other.kind]).toEqual(['PERSON_NOT_FOUND', 'not_found']);
    expect(world.directory.persons.get('noor')!.active).toBe(true);
    expect(world.audit.all().map((a) => [a.action, a.outcome, a.entityId, a.details])).toEqual([
      ['beheer.person.deactivate', 'denied', 'noor', { reason: 'OTHER_REGION' }],
    ]);
    const self = await refusalOf(
      useCase.execute({ actor: beheerder, personId: 'beheerder', active: false, reason: 'x' }),
    );
    expect([self.code, self.kind]).toEqual(['OWN_ACCOUNT', 'conflict']);
  });
});
