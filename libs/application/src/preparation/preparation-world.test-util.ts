import { SubmittedOnce } from '../submissions/submitted-once';
import { FakeSubmissionLedger } from '@overlegtafels/testing';
import type { AppConfig } from '@overlegtafels/config';
import { mailIdentity, MailComposer } from '@overlegtafels/mail';
import {
  ControlledClock,
  FakeAgendaSessionRepository,
  FakeAuditLog,
  FakeItemPreparationRepository,
  FakeMailOutbox,
  FakeSeat,
  FakeUnitOfWork,
  sessionRecord,
} from '@overlegtafels/testing';
import type { Viewer } from '../agenda/agenda-queries';
import type { PreparationItemContext } from '../ports/item-preparation.port';
import type { SessionRecord } from '../ports/agenda-session.repository.port';
import { ListItemPreparationUseCase } from '../list-item-preparation/list-item-preparation.usecase';
import { RecordPreparationUseCase } from '../record-preparation/record-preparation.usecase';
import { RemindPreparationUseCase } from '../remind-preparation/remind-preparation.usecase';
import { PreparationGate } from './preparation-gate';

export const REGION = 'region-1';
export const CODE = 'CO3-2026-0007';
/** The ICO of Friday 4 December 2026, 09:30–12:00 in Brussels; preparation from Friday 27 November. */
export const SESSION: SessionRecord = sessionRecord({
  id: 'session-1',
  regionId: REGION,
  startsAt: new Date('2026-12-04T08:30:00Z'),
});
export const PREPARATION_START = '2026-11-26T23:00:00.000Z';
export const DURING_PREPARATION = '2026-12-01T10:00:00Z';
export const IN_SESSION = '2026-12-04T09:00:00Z';

export const ORG = {
  politie: {
    organisationId: 'org-politie',
    organisationName: 'Politie (fictief)',
    organisationKind: 'politie',
  },
  parket: { organisationId: 'org-parket', organisationName: 'Parket (fictief)', organisationKind: 'parket' },
  stad: { organisationId: 'org-stad', organisationName: 'Stad (fictief)', organisationKind: 'stad' },
  cgg: { organisationId: 'org-cgg', organisationName: 'CGG (fictief)', organisationKind: 'cgg' },
  keten: {
    organisationId: 'org-keten',
    organisationName: 'Ketenteam (fictief)',
    organisationKind: 'ketenteam',
  },
} as const;

const seat = (personId: string, org: keyof typeof ORG, fn: FakeSeat['function'] = 'lid'): FakeSeat => ({
  personId,
  regionId: REGION,
  tableKey: 'ico',
  function: fn,
  ...ORG[org],
});

export function viewer(personId: string, coordinatorTables: string[] = [], regionId = REGION): Viewer {
  return { personId, regionId, route: 'TEST /voorbereiding', coordinatorTables, memberTables: ['ico'] };
}

export const who = {
  coordinator: viewer('coord', ['ico']),
  chair: viewer('chair'),
  politie: viewer('pol'),
  politie2: viewer('pol2'),
  parket: viewer('par'),
  stad: viewer('stad'),
  cgg: viewer('cgg'),
  aanmelder: viewer('aanm'),
  outsider: viewer('nobody'),
  otherRegion: viewer('coord', ['ico'], 'region-2'),
};

export function preparationWorld(
  options: { session?: Partial<SessionRecord>; aanmelderSeat?: boolean; now?: string } = {},
) {
  const session = { ...SESSION, ...options.session };
  const item: PreparationItemContext = {
    itemId: 'item-1',
    itemType: 'aanmelding',
    position: 1,
    tableKey: 'ico',
    dossierId: 'dossier-1',
    dossierCode: CODE,
    aanmelderId: 'aanm',
    session,
  };
  const seats = [
    seat('coord', 'keten', 'verslaggever'),
    seat('chair', 'keten', 'voorzitter'),
    seat('pol', 'politie'),
    seat('pol2', 'politie'),
    seat('par', 'parket'),
    seat('stad', 'stad'),
    seat('cgg', 'cgg'),
    ...(options.aanmelderSeat ? [seat('aanm', 'politie')] : []),
  ];
  const preparations = new FakeItemPreparationRepository([item], seats, {
    pol: { email: 'wouter.politie@example.be', displayName: 'Wouter Politie' },
    pol2: { email: 'ilse.politie@example.be', displayName: 'Ilse Politie' },
    par: { email: 'parket.lid@example.be', displayName: 'Pieter Parket' },
    stad: { email: 'stad.lid@example.be', displayName: 'Sofie Stad' },
  });
  const audit = new FakeAuditLog();
  const outbox = new FakeMailOutbox();
  const uow = new FakeUnitOfWork(preparations, audit, outbox);
  const clock = new ControlledClock(options.now ?? DURING_PREPARATION);
  const config = { regions: ['co3-antwerpen'], publicUrl: 'https://overleg.example.be' } as AppConfig;
  const gate = new PreparationGate(preparations, audit, clock, config);
  const sessions = new FakeAgendaSessionRepository([session]);
  const composer = new MailComposer(mailIdentity('overlegtafels@co3.example.be', 'CO3 Antwerpen'));
  const record = new RecordPreparationUseCase(
    uow,
    gate,
    preparations,
    clock,
    new SubmittedOnce(new FakeSubmissionLedger()),
  );
  const list = new ListItemPreparationUseCase(gate, preparations, clock);
  const remind = new RemindPreparationUseCase(
    uow,
    gate,
    preparations,
    composer,
    outbox,
    clock,
    config,
    new SubmittedOnce(new FakeSubmissionLedger()),
  );
  return {
    item,
    session,
    preparations,
    audit,
    outbox,
    uow,
    clock,
    config,
    gate,
    sessions,
    record,
    list,
    remind,
  };
}

export const refusal = (work: Promise<unknown>) =>
  work.then(
    () => 'accepted',
    (e: unknown) => e,
  );
