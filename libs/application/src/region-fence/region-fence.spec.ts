import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { FakeAuditLog } from '@overlegtafels/testing';
import { ofRegion, OTHER_REGION, withinRegion } from './region-fence';

const actor = { personId: 'p1', regionId: 'r1', route: 'POST /api/x/:id' };
const at = new Date('2026-12-02T10:00:00Z');
const target = {
  action: 'dossier.x',
  entityType: 'dossier',
  entityId: 'd1',
  dossierId: 'd1',
  code: 'CO3-2026-0001',
};

describe('the region fence', () => {
  it('admits a row of the actor’s region, and logs nothing', async () => {
    const audit = new FakeAuditLog();
    const row = { id: 'd1', regionId: 'r1' };
    expect(await withinRegion(audit, actor, row, target, at)).toBe(row);
    expect(audit.all()).toEqual([]);
  });

  it('answers another region’s row like a missing one, and logs the attempt outside any transaction', async () => {
    const audit = new FakeAuditLog();
    expect(await withinRegion(audit, actor, { id: 'd1', regionId: 'r2' }, () => target, at)).toBeUndefined();
    expect(await withinRegion(audit, actor, undefined, target, at)).toBeUndefined();
    expect(audit.all()).toEqual([
      {
        actorPersonId: 'p1',
        action: 'dossier.x',
        entityType: 'dossier',
        entityId: 'd1',
        dossierId: 'd1',
        outcome: 'denied',
        route: 'POST /api/x/:id',
        details: { reason: OTHER_REGION, code: 'CO3-2026-0001' },
        at,
        tx: undefined,
      },
    ]);
  });

  it('filters read rows the same way', () => {
    expect(ofRegion(actor, { regionId: 'r1' })).toBe(true);
    expect(ofRegion(actor, { regionId: 'r2' })).toBe(false);
    expect(ofRegion(actor, undefined)).toBe(false);
  });
});

const SRC = path.join(__dirname, '..');

function sources(): { file: string; text: string }[] {
  return readdirSync(SRC, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts') && !f.includes('test-util'))
    .map((f) => ({ file: f.split(path.sep).join('/'), text: readFileSync(path.join(SRC, f), 'utf8') }));
}

/** The ways into the fence: the function itself, or a guard that calls it for its use cases. */
const FENCED =
  /\b(withinRegion|ofRegion|CoordinatorChange|dossierForCasusregisseur|ObligationFormGate|planDossier|maySeeItemPlan|MinutesAccess|PreparationGate|DecisionWithdrawer|BeheerChange)\b/;

/**
 * Use cases that load no row of a region on behalf of an actor, each with why. A new use case is
 * either fenced or listed here with its reason: it cannot slip past unnoticed.
 */
const UNFENCED: Record<string, string> = {
  'add-region-beheerder': 'the operator on the command line, no actor of a region; adds a person to the region named',
  'beheer-close-period':
    'the beheerder’s closing of a period of their own region: close-period, fenced by CoordinatorChange',
  'calendar-feed': 'resolves a feed token to its own person; reads only',
  'check-health': 'no actor, no row',
  'destroy-expired-dossiers': 'operator or nightly job, no actor of a region; runs per region by configuration',
  'choose-calendar-reminder': 'the actor’s own setting',
  'coordination-overview': 'read model queried with the actor’s region',
  'list-minutes-archive': 'read model queried with the actor’s region',
  'freeze-session': 'worker job, no actor',
  'list-demo-people': 'the login page of the installation’s region',
  'list-dossier-obligations': 'read model queried with the actor’s region',
  'list-dossiers': 'read model queried with the actor’s region',
  'read-audit-trail': 'read model queried with the actor’s region (a dossier’s rows or its people’s)',
  'list-failed-mail': 'read of the failed mails a coordinator looks after',
  'list-my-obligations': 'read model queried with the actor’s region',
  'list-my-to-do': 'read models queried with the actor’s region; verslagen only where ReadMinutesUseCase.mayOpen admits',
  'list-obligation-due-dates': 'read model queried with the actor’s region',
  'log-in': 'login: the person themself',
  'log-in-with-oidc': 'login: the person themself, matched within the installation’s region',
  'log-out': 'the actor’s own session',
  'open-dossier': 'read; dossier access policy checks the region',
  'open-obligation': 'read; obligationRoleFor checks the region with ofRegion',
  'read-document': 'read; dossier access policy checks the region',
  'reconcile-obligations': 'worker job, no actor',
  'purge-expired-logins': 'nightly job, no actor; deletes only expired login rows, of no region',
  'relay-outbox': 'worker job, no actor',
  'renew-calendar-feed': 'the actor’s own feed',
  'request-login-link': 'login: the address typed, within the installation’s region',
  'revoke-calendar-feed': 'the actor’s own feed',
  'send-agenda': 'worker job, no actor',
  'send-outbox-mail': 'worker job, no actor',
  'send-test-mail': 'a test mail to the actor themself',
  'sweep-reminders': 'worker job, no actor',
  'sync-dossier-obligations': 'called inside other use cases’ transactions, after their fence',
};

describe('every use case passes the region fence', () => {
  const files = sources();

  it('compares regions only in the fence', () => {
    const raw = /\.regionId\s*[!=]==?\s*\w+\.regionId/;
    const offenders = files
      .filter((f) => f.file !== 'region-fence/region-fence.ts' && raw.test(f.text))
      .map((f) => f.file);
    expect(offenders).toEqual([]);
  });

  it('goes through the fence, or says why it has no row of a region to fence', () => {
    const useCases = files.filter((f) => f.file.endsWith('.usecase.ts'));
    expect(useCases.length).toBeGreaterThan(40);
    const missing = useCases
      .filter((f) => !FENCED.test(f.text))
      .map((f) => path.basename(f.file, '.usecase.ts'))
      .filter((name) => !UNFENCED[name]);
    expect(missing).toEqual([]);
    const fencedAfterAll = useCases
      .filter((f) => FENCED.test(f.text))
      .map((f) => path.basename(f.file, '.usecase.ts'))
      .filter((name) => UNFENCED[name]);
    expect(fencedAfterAll).toEqual([]);
  });
});
