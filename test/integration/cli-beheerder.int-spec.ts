import { createPrismaClient } from '@overlegtafels/persistence';
import { BeheerderCommand } from '../../apps/cli/src/commands/beheerder.command';
import { runCli } from '../../apps/cli/src/main';
import { callerFor, send } from '../support/route-requests';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * `npm run cli -- beheerder add`: the operator makes a region's beheerder in the database the
 * service runs on; the beheerder then logs in and does the beheer's work. Refusals are one line
 * naming the option, exit 2, and write nothing.
 */
describe('cli beheerder add', () => {
  let t: TestApp;
  let db: ReturnType<typeof createPrismaClient>;

  beforeAll(async () => {
    t = await startTestApp({ withWorker: false });
    db = createPrismaClient(t.db.url, 2);
  }, 90_000);

  afterAll(async () => {
    await db?.$disconnect();
    await t?.close();
  });

  async function cli(...args: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const io = {
      out: (l: string) => out.push(l),
      err: (l: string) => err.push(l),
      stdinLines: async function* () {},
    };
    const env = { DATABASE_URL: t.config.databaseUrl, NODE_ENV: 'test' };
    const code = await runCli(['beheerder', 'add', ...args], io, [new BeheerderCommand(env)]);
    return { code, out, err };
  }

  const people = () => db.person.count();

  it('makes a beheerder of the region, who can then use the beheer API; audited as the operator, without the address', async () => {
    const made = await cli(
      '--region',
      'co3-antwerpen',
      '--email',
      'Nina.Nieuw@example.be',
      '--name',
      'Nina Nieuw',
      '--reason',
      'Tweede beheerder',
    );
    expect({ code: made.code, err: made.err }).toEqual({ code: 0, err: [] });
    const { personId, region } = JSON.parse(made.out[0]!) as { personId: string; region: string };
    expect(region).toBe('co3-antwerpen');
    const person = await db.person.findUniqueOrThrow({
      where: { id: personId },
      select: {
        email: true,
        displayName: true,
        organisationId: true,
        roleAssignments: { select: { role: true, tableKey: true } },
      },
    });
    expect(person).toEqual({
      email: 'Nina.Nieuw@example.be',
      displayName: 'Nina Nieuw',
      organisationId: null,
      roleAssignments: [{ role: 'admin', tableKey: null }],
    });
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: 'beheer.person.add', entityId: personId },
    });
    expect(audit).toMatchObject({ actorPersonId: null, outcome: 'allowed', route: 'cli beheerder add' });
    expect(audit.details).toEqual({
      region: 'co3-antwerpen',
      roles: 'admin',
      via: 'operator',
      reason: 'Tweede beheerder',
    });
    expect(JSON.stringify(audit.details)).not.toMatch(/nina/i);
    const nina = await callerFor(t, personId);
    const list = await send(t, nina, 'GET', '/api/beheer/personen', undefined);
    expect(list.status).toBe(200);
  });

  it.each([
    [['--region', 'limburg'], '--region: Regio: "limburg" is geen regio.'],
    [
      ['--region', 'west-vlaanderen'],
      '--region: Regio: west-vlaanderen staat nog niet in de databank; start de dienst eerst met deze regio.',
    ],
  ])('refuses %j with one line and writes nothing', async (regionArgs, message) => {
    const before = await people();
    const res = await cli(
      ...regionArgs,
      '--email',
      'iemand@example.be',
      '--name',
      'Iemand',
      '--reason',
      'Test',
    );
    expect(res).toEqual({ code: 2, out: [], err: [message] });
    expect(await people()).toBe(before);
  });

  it('refuses an address the region has already, and a bad one, naming --email', async () => {
    const before = await people();
    const taken = await cli(
      '--region',
      'co3-antwerpen',
      '--email',
      'lotte.verbeke@example.be',
      '--name',
      'Lotte',
      '--reason',
      'Dubbel',
    );
    expect(taken).toEqual({
      code: 2,
      out: [],
      err: ['--email: Er is in de regio al een persoon met dit e-mailadres.'],
    });
    const bad = await cli(
      '--region',
      'co3-antwerpen',
      '--email',
      'geen-adres',
      '--name',
      'X',
      '--reason',
      'Fout',
    );
    expect(bad.code).toBe(2);
    expect(bad.err).toHaveLength(1);
    expect(bad.err[0]).toMatch(/^--email: /);
    expect(await people()).toBe(before);
  });
});
