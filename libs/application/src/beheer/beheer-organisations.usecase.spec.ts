import { BeheerClosePeriodUseCase } from '../beheer-close-period/beheer-close-period.usecase';
import { BeheerAddOrganisationUseCase } from '../beheer-organisation/beheer-add-organisation.usecase';
import { BeheerEditOrganisationUseCase } from '../beheer-organisation/beheer-edit-organisation.usecase';
import { BeheerSetOrganisationActiveUseCase } from '../beheer-organisation/beheer-organisation-active.usecase';
import { ReadBeheerUseCase } from '../beheer-read/read-beheer.usecase';
import type { ClosePeriodCommand } from '../close-period/close-period.command';
import { InputError } from '../errors';
import { parseInput } from '../input/parse-input';
import { OrganisationSchema } from './beheer.schemas';
import { beheerder, beheerWorld, POLITIE, refusalOf } from './beheer-world.test-util';

const CO3 = { regions: ['co3-antwerpen'] };

const organisation = (over: Record<string, unknown> = {}) =>
  parseInput(OrganisationSchema, {
    name: 'Vluchthuis Noord (fictief)',
    kind: 'meldpunt-risicojongeren',
    contactEmail: '',
    reason: 'Nieuwe partner',
    ...over,
  });

describe('the beheerder’s organisations', () => {
  it('adds one once per key, of the domain’s kinds only, its name once in the region', async () => {
    const world = beheerWorld();
    const add = new BeheerAddOrganisationUseCase(
      world.uow,
      world.directory,
      world.change,
      world.once,
      world.clock,
      CO3,
    );
    const first = await add.execute({ actor: beheerder, ...organisation(), submissionKey: 'organisatie-1' });
    expect(
      await add.execute({ actor: beheerder, ...organisation(), submissionKey: 'organisatie-1' }),
    ).toEqual({
      organisationId: first.organisationId,
      repeated: true,
    });
    expect(await world.directory.organisation(first.organisationId)).toMatchObject({
      regionId: 'region-1',
      kind: 'meldpunt-risicojongeren',
      contactEmail: null,
      active: true,
    });
    const taken = await refusalOf(
      add.execute({ actor: beheerder, ...organisation({ name: 'POLITIE (fictief)' }) }),
    );
    expect(taken.errors?.map((e) => [e.field, e.code])).toEqual([['name', 'NAME_TAKEN']]);
    const kind = await refusalOf(Promise.resolve().then(() => organisation({ kind: ' ' })));
    expect(kind.errors?.map((e) => e.field)).toEqual(['kind']);
    // A key of another region's list (Oost-Vlaanderen's Kind en Gezin) is not one of CO3's.
    const foreign = await add
      .execute({ actor: beheerder, ...organisation({ name: 'K&G (fictief)', kind: 'kind-en-gezin' }) })
      .catch((e: unknown) => e);
    expect(foreign).toBeInstanceOf(InputError);
    expect((foreign as InputError).errors).toEqual([
      {
        field: 'kind',
        code: 'UNKNOWN',
        message:
          'Soort: "kind-en-gezin" is geen soort organisatie van deze regio; kies een soort uit de lijst.',
      },
    ]);
    expect(world.audit.of('beheer.organisation.add').map((a) => [a.entityId, a.details])).toEqual([
      [first.organisationId, { kind: 'meldpunt-risicojongeren', reason: 'Nieuwe partner' }],
    ]);
  });

  it('corrects and deactivates one of the own region; another region’s is not found, and audited', async () => {
    const world = beheerWorld();
    const edit = new BeheerEditOrganisationUseCase(world.directory, world.change, CO3);
    const active = new BeheerSetOrganisationActiveUseCase(world.directory, world.change);
    await edit.execute({
      actor: beheerder,
      organisationId: POLITIE,
      ...organisation({ name: 'Politiezone (fictief)', kind: 'politie' }),
    });
    await active.execute({ actor: beheerder, organisationId: POLITIE, active: false, reason: 'Fusie' });
    expect(await world.directory.organisation(POLITIE)).toMatchObject({
      name: 'Politiezone (fictief)',
      active: false,
      people: 1,
    });
    expect(world.audit.all().map((a) => [a.action, a.details])).toEqual([
      [
        'beheer.organisation.edit',
        { from: 'politie', kind: 'politie', name: true, reason: 'Nieuwe partner' },
      ],
      ['beheer.organisation.deactivate', { wasActive: true, reason: 'Fusie' }],
    ]);
    const oost = '00000000-0000-4000-8000-00000000000e';
    const other = await refusalOf(
      active.execute({ actor: beheerder, organisationId: oost, active: false, reason: 'x' }),
    );
    expect([other.code, other.kind]).toEqual(['ORGANISATION_NOT_FOUND', 'not_found']);
    expect((await world.directory.organisation(oost))!.active).toBe(true);
    expect(world.audit.all().at(-1)).toMatchObject({
      outcome: 'denied',
      entityId: oost,
      details: { reason: 'OTHER_REGION' },
    });
  });

  it('corrects and (de)activates once per key: a repeat answers as the first, another content is a 409', async () => {
    const world = beheerWorld();
    const edit = new BeheerEditOrganisationUseCase(world.directory, world.change, CO3);
    const active = new BeheerSetOrganisationActiveUseCase(world.directory, world.change);
    const renamed = { actor: beheerder, organisationId: POLITIE, submissionKey: 'gegevens-1' };
    const fields = organisation({ name: 'Politiezone (fictief)', kind: 'politie' });
    expect(await edit.execute({ ...renamed, ...fields })).toEqual({ repeated: false });
    expect(await edit.execute({ ...renamed, ...fields })).toEqual({ repeated: true });
    const other = await refusalOf(edit.execute({ ...renamed, ...fields, name: 'Nog anders (fictief)' }));
    expect([other.code, other.kind]).toEqual(['SUBMISSION_KEY_REUSED', 'conflict']);
    expect((await world.directory.organisation(POLITIE))!.name).toBe('Politiezone (fictief)');
    const off = { actor: beheerder, organisationId: POLITIE, active: false, reason: 'Fusie' };
    await active.execute({ ...off, submissionKey: 'actief-1' });
    // Active again by another form: the old key pressed once more deactivates nothing.
    await active.execute({ ...off, active: true, submissionKey: 'actief-2' });
    expect(await active.execute({ ...off, submissionKey: 'actief-1' })).toEqual({ repeated: true });
    expect((await world.directory.organisation(POLITIE))!.active).toBe(true);
    expect(world.audit.all().map((a) => a.action)).toEqual([
      'beheer.organisation.edit',
      'beheer.organisation.deactivate',
      'beheer.organisation.activate',
    ]);
  });

  it('lists only the own region, and counts a table’s standing participants among its seats', async () => {
    const world = beheerWorld([
      { id: 'an', memberships: [{ tableKey: 'ico', function: 'lid', standing: true }] },
      { id: 'bo', memberships: [{ tableKey: 'ico', function: 'op-afroep', standing: false }] },
      { id: 'cas', active: false, memberships: [{ tableKey: 'ico', function: 'lid', standing: true }] },
    ]);
    const read = new ReadBeheerUseCase(world.directory, world.change, world.tables);
    expect((await read.people(beheerder)).map((p) => p.id)).not.toContain('noor');
    expect((await read.organisations(beheerder)).map((o) => o.regionId)).toEqual(['region-1', 'region-1']);
    expect((await read.tables(beheerder)).find((t) => t.key === 'ico')).toMatchObject({
      seats: 3,
      standing: 1,
    });
    expect(await refusalOf(read.table(beheerder, 'kaartclub'))).toMatchObject({
      code: 'UNKNOWN_TABLE',
      kind: 'not_found',
    });
  });

  it('closes a period for the whole region through the coordinators’ closing, as the region’s calendar', async () => {
    const calls: ClosePeriodCommand[] = [];
    const close = new BeheerClosePeriodUseCase({
      execute: async (c: ClosePeriodCommand) => void calls.push(c),
    });
    await close.execute({ actor: beheerder, from: '2026-12-24', to: '2027-01-01', reason: 'Kerstvakantie' });
    expect(calls).toEqual([
      {
        actor: { ...beheerder, coordinatorTables: 'all' },
        from: '2026-12-24',
        to: '2027-01-01',
        reason: 'Kerstvakantie',
      },
    ]);
  });
});
