import { createPrismaClient } from '@overlegtafels/persistence';
import { ControlledClock } from '@overlegtafels/testing';
import { pageUser, textOf } from '../support/page-client';
import { formKey, postConcurrently, postWithKey } from '../support/submit-once';
import { loginAs, startTestApp, TestApp } from '../support/test-app';

/**
 * Issue #15, item 1, for the beheerder's remaining forms: a person's details and roles, the end of
 * a seat at a table, an organisation's details and its (de)activation. Fifteen posts of one form
 * (a double click, a hammered button) change once, audit once, keep one ledger row and all land on
 * the same page; the reload is a GET; the same key with other content is a 409 that changes
 * nothing. Over the API the same with the Idempotency-Key header. Real HTTP, real PostgreSQL.
 */
const clock = new ControlledClock('2026-12-07T09:00:00+01:00');
const RACERS = 15;
const BEHEERDER = 'beheer@example.be';
const REUSED = 'Dit formulier werd al verstuurd, met andere gegevens dan nu.';

describe('the beheerder’s person and organisation forms change once per submission key', () => {
  let t: TestApp;
  let db: ReturnType<typeof createPrismaClient>;

  beforeAll(async () => {
    t = await startTestApp({ clock });
    db = createPrismaClient(t.db.url, 2);
  }, 90_000);

  afterAll(async () => {
    await db?.$disconnect();
    await t?.close();
  });

  const audited = (action: string, entityId: string) =>
    db.auditEvent.count({ where: { action, entityId, outcome: 'allowed' } });
  const ledgerRows = (scope: string, key: string) => db.formSubmission.count({ where: { scope, key } });
  const personOf = (email: string) => db.person.findFirstOrThrow({ where: { email } });

  /**
   * Fifteen posts of the form on `page` that posts to `action`: one change, one audit event, one
   * ledger row, every answer the same redirect, whose GET shows `notice`; then the key with other
   * content is a 409 on the page with the input kept, and still one event.
   */
  async function fifteenPosts(spec: {
    page: string;
    action: string;
    fields: Record<string, string>;
    other: Record<string, string>;
    audit: string;
    entityId: string;
    scope: string;
    notice: string;
  }): Promise<{ submissionKey: string; location: string }> {
    const beheer = await pageUser(t, BEHEERDER);
    const submissionKey = formKey((await beheer.get(spec.page)).html, spec.action);
    const answers = await postConcurrently(beheer, spec.action, { ...spec.fields, submissionKey }, RACERS);
    expect(new Set(answers.map((a) => `${a.status} ${a.location}`))).toEqual(
      new Set([`303 ${answers[0]!.location}`]),
    );
    expect(answers[0]!.location).toMatch(new RegExp(`^${spec.page}\\?melding=`));
    expect(await audited(spec.audit, spec.entityId)).toBe(1);
    expect(await ledgerRows(spec.scope, submissionKey)).toBe(1);
    const reload = await beheer.get(answers[0]!.location!);
    expect([reload.status, textOf(reload.html).includes(spec.notice)]).toEqual([200, true]);
    const other = await beheer.post(spec.action, { ...spec.fields, ...spec.other, submissionKey });
    expect(other.status).toBe(409);
    expect(textOf(other.html)).toContain(REUSED);
    expect(await audited(spec.audit, spec.entityId)).toBe(1);
    return { submissionKey, location: answers[0]!.location! };
  }

  it('a person’s details: fifteen posts of one form correct them once', async () => {
    const tom = await personOf('tom.peeters@example.org');
    const page = `/beheer/personen/${tom.id}`;
    await fifteenPosts({
      page,
      action: page,
      fields: {
        displayName: 'Tom Peeters-Fictief',
        email: tom.email,
        organisationId: tom.organisationId!,
        reason: 'Naam verbeterd.',
      },
      other: { displayName: 'Iemand Anders' },
      audit: 'beheer.person.edit',
      entityId: tom.id,
      scope: 'beheer-person-edit',
      notice: 'De gegevens zijn gewijzigd.',
    });
    expect((await personOf(tom.email)).displayName).toBe('Tom Peeters-Fictief');
  }, 90_000);

  it('a person’s roles: fifteen posts of one form set them once', async () => {
    const tom = await personOf('tom.peeters@example.org');
    const page = `/beheer/personen/${tom.id}`;
    await fifteenPosts({
      page,
      action: `${page}/rollen`,
      fields: { roles: 'aanmelder', reason: 'Meldt voortaan ook aan.' },
      other: { roles: 'casusregisseur' },
      audit: 'beheer.person.roles',
      entityId: tom.id,
      scope: 'beheer-person-roles',
      notice: 'De rollen zijn gewijzigd.',
    });
    const roles = await db.roleAssignment.findMany({ where: { personId: tom.id } });
    expect(roles.map((r) => r.role)).toEqual(['aanmelder']);
  }, 90_000);

  it('the end of a seat: fifteen posts end it once, and a later reload answers as the first', async () => {
    const bram = await personOf('bram.hermans@example.org');
    const page = `/beheer/personen/${bram.id}`;
    const action = `${page}/tafels/weegploeg/verwijderen`;
    const first = await fifteenPosts({
      page,
      action,
      fields: { reason: 'Vertrokken bij het CGG.' },
      other: { reason: 'Een andere reden.' },
      audit: 'beheer.membership.remove',
      entityId: bram.id,
      scope: 'beheer-membership-remove',
      notice: 'De plaats aan de tafel is beëindigd.',
    });
    expect(await db.tableMembership.count({ where: { personId: bram.id } })).toBe(0);
    // The seat is gone; the browser posts the old form again: the first answer, not "not found".
    const again = await (
      await pageUser(t, BEHEERDER)
    ).post(action, {
      reason: 'Vertrokken bij het CGG.',
      submissionKey: first.submissionKey,
    });
    expect([again.status, again.location]).toEqual([303, first.location]);
    expect(await audited('beheer.membership.remove', bram.id)).toBe(1);
  }, 90_000);

  it('an organisation’s details and its deactivation: fifteen posts of each form change once', async () => {
    const politie = await db.organisation.findFirstOrThrow({ where: { kind: 'politie' } });
    const page = `/beheer/organisaties/${politie.id}`;
    await fifteenPosts({
      page,
      action: page,
      fields: {
        name: 'Politiezone Noord (fictief)',
        kind: 'politie',
        contactEmail: 'onthaal@politie.example.be',
        reason: 'Nieuwe naam na de fusie.',
      },
      other: { name: 'Politiezone Zuid (fictief)' },
      audit: 'beheer.organisation.edit',
      entityId: politie.id,
      scope: 'beheer-organisation-edit',
      notice: 'De gegevens van de organisatie zijn gewijzigd.',
    });
    await fifteenPosts({
      page,
      action: `${page}/deactiveren`,
      fields: { reason: 'Opgegaan in een andere zone.' },
      other: { reason: 'Een andere reden.' },
      audit: 'beheer.organisation.deactivate',
      entityId: politie.id,
      scope: 'beheer-organisation-active',
      notice: 'De organisatie is gedeactiveerd',
    });
    expect(await db.organisation.findUniqueOrThrow({ where: { id: politie.id } })).toMatchObject({
      name: 'Politiezone Noord (fictief)',
      active: false,
    });
  }, 90_000);

  it('over the API: fifteen calls with one Idempotency-Key change once; the key with another body is a 409', async () => {
    const beheer = await loginAs(t, BEHEERDER);
    const griet = await personOf('griet.willems@example.be');
    const org = await db.organisation.findFirstOrThrow({ where: { kind: 'politie' } });
    const calls: [string, Record<string, unknown>, Record<string, unknown>, string, string][] = [
      [
        `/api/beheer/personen/${griet.id}`,
        { displayName: 'Griet Willems-Fictief', email: griet.email, reason: 'Naam verbeterd.' },
        { displayName: 'Nog een naam' },
        'beheer.person.edit',
        griet.id,
      ],
      [
        `/api/beheer/personen/${griet.id}/rollen`,
        { roles: ['aanmelder'], coordinatorTables: [], reason: 'Meldt ook aan.' },
        { roles: ['casusregisseur'] },
        'beheer.person.roles',
        griet.id,
      ],
      [
        `/api/beheer/personen/${griet.id}/tafels/ico/verwijderen`,
        { reason: 'Zit niet meer aan de ICO.' },
        { reason: 'Anders.' },
        'beheer.membership.remove',
        griet.id,
      ],
      [
        `/api/beheer/organisaties/${org.id}`,
        { name: 'Politiezone West (fictief)', kind: 'politie', contactEmail: '', reason: 'Naam.' },
        { name: 'Politiezone Oost (fictief)' },
        'beheer.organisation.edit',
        org.id,
      ],
      [
        `/api/beheer/organisaties/${org.id}/activeren`,
        { reason: 'Weer partner.' },
        { reason: 'Anders.' },
        'beheer.organisation.activate',
        org.id,
      ],
    ];
    for (const [i, [url, body, other, action, entityId]] of calls.entries()) {
      const key = `beheer-api-${i}-0001`;
      const before = await audited(action, entityId);
      const answers = await Promise.all(
        Array.from({ length: RACERS }, () => postWithKey(t, beheer, url, body, key)),
      );
      expect(answers.map((a) => a.status)).toEqual(Array(RACERS).fill(204));
      expect(await audited(action, entityId)).toBe(before + 1);
      const reused = await postWithKey(t, beheer, url, { ...body, ...other }, key);
      expect([reused.status, (reused.body as { code: string }).code]).toEqual([409, 'SUBMISSION_KEY_REUSED']);
      expect(await audited(action, entityId)).toBe(before + 1);
    }
    expect(await personOf(griet.email)).toMatchObject({ displayName: 'Griet Willems-Fictief' });
    expect(
      (await db.tableMembership.findMany({ where: { personId: griet.id } })).map((m) => m.tableKey).sort(),
    ).toEqual(['ronde-tafel', 'weegploeg']);
    expect(await db.organisation.findUniqueOrThrow({ where: { id: org.id } })).toMatchObject({
      name: 'Politiezone West (fictief)',
      active: true,
    });
  }, 120_000);
});
