import { getRegion } from '@overlegtafels/regions';
import {
  aPerson,
  ControlledClock,
  FakeAuditLog,
  FakeBeheerDirectory,
  FakeSubmissionLedger,
  FakeUnitOfWork,
  type FakeBeheerPerson,
} from '@overlegtafels/testing';
import { SubmittedOnce } from '../submissions/submitted-once';
import { BeheerChange } from './beheer-change';

/** Organisation ids are uuids: the schemas check them. */
export const POLITIE = '00000000-0000-4000-8000-00000000000a';
export const NOW = new Date('2026-12-03T10:00:00Z');
export const beheerder = { personId: 'beheerder', regionId: 'region-1', route: 'POST /api/beheer/x' };

/** The beheer's fakes: the beheerder, a person of their region, one of another, two organisations. */
export function beheerWorld(people: Partial<FakeBeheerPerson>[] = []) {
  const directory = new FakeBeheerDirectory(
    [
      aPerson({ id: 'beheerder', email: 'beheer@example.be', roles: [{ role: 'admin', tableKey: null }] }),
      aPerson({ id: 'wim', email: 'wim@example.be', organisationId: POLITIE }),
      aPerson({ id: 'noor', regionId: 'region-2', email: 'noor@example.org' }),
      ...people.map((p) => aPerson(p)),
    ],
    [
      {
        id: POLITIE,
        regionId: 'region-1',
        kind: 'politie',
        name: 'Politie (fictief)',
        contactEmail: null,
        active: true,
      },
      {
        id: '00000000-0000-4000-8000-00000000000d',
        regionId: 'region-1',
        kind: 'andere',
        name: 'Opgeheven (fictief)',
        contactEmail: null,
        active: false,
      },
      {
        id: '00000000-0000-4000-8000-00000000000e',
        regionId: 'region-2',
        kind: 'caw',
        name: 'CAW Oost (fictief)',
        contactEmail: null,
        active: true,
      },
    ],
  );
  const audit = new FakeAuditLog();
  const ledger = new FakeSubmissionLedger();
  const uow = new FakeUnitOfWork(directory, audit, ledger);
  const clock = new ControlledClock(NOW);
  const once = new SubmittedOnce(ledger);
  const change = new BeheerChange(directory, audit, clock, uow, once);
  const tables = { region: getRegion('co3-antwerpen')! };
  return { directory, audit, ledger, uow, clock, change, tables, once };
}

export async function refusalOf(
  work: Promise<unknown>,
): Promise<{ code?: string; kind?: string; field?: string; errors?: { field: string; code: string }[] }> {
  return (await work.then(
    () => {
      throw new Error('expected a refusal');
    },
    (e: unknown) => e,
  )) as never;
}
