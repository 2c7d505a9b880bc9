import { Logger } from '@nestjs/common';
import { loadConfig } from '@overlegtafels/config';
import { MailComposer, MailTemplates, mailIdentity } from '@overlegtafels/mail';
import type { MailingItem, MailingPerson } from '../ports/agenda-mailing.port';
import type { AgendaJobName } from '@overlegtafels/queues';
import { CO3_ANTWERPEN } from '@overlegtafels/regions';
import {
  FakeAgendaMailing,
  FakeAgendaSessionRepository,
  FakeCalendarReminders,
  FakeMailJobQueue,
  FakeUnitOfWork,
  sessionRecord,
} from '@overlegtafels/testing';
import { FreezeSessionUseCase } from '../freeze-session/freeze-session.usecase';
import type { SessionRecord } from '../ports/agenda-session.repository.port';
import { SendAgendaUseCase } from '../send-agenda/send-agenda.usecase';
import { AgendaMailDispatcher } from './agenda-mail.dispatcher';
import { AgendaMailWriter } from './agenda-mail.writer';

// Fictitious people and addresses only (example.org / example.be).
export const NOW = new Date('2027-01-21T11:00:00Z');
export const REGION_ID = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
export const SESSION_ID = '3d6f1c2a-5b8e-4f7a-9c1d-2e3f4a5b6c7d';
export const NEXT_SESSION_ID = '4e7a2d3b-6c9f-4a8b-8d2e-3f4a5b6c7d8e';
export const PLANNED_AT_MS = new Date('2027-01-21T11:00:00Z').getTime();
const weegploeg = CO3_ANTWERPEN.tables.find((t) => t.key === 'weegploeg')!;

export function weegploegSession(fields: Partial<SessionRecord> = {}): SessionRecord {
  return sessionRecord({
    id: SESSION_ID,
    regionId: REGION_ID,
    tableKey: 'weegploeg',
    startsAt: new Date('2027-01-26T12:00:00Z'),
    endsAt: new Date('2027-01-26T15:00:00Z'),
    icsSequence: 2,
    ...fields,
  });
}

export function person(id: string, email: string, displayName: string): MailingPerson {
  return { id, email, displayName, active: true, organisationName: 'CAW Regio Noord' };
}

export const submitter = person(
  'c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f',
  'ilse.voorbeeldt@caw.example.org',
  'Ilse Voorbeeldt',
);
export const regisseur = person(
  'd2e3f4a5-b6c7-4d8e-9f0a-1b2c3d4e5f60',
  'jan.proefmans@caw.example.org',
  'Jan Proefmans',
);
export const member = person(
  'f0e1d2c3-b4a5-4968-8776-655443322110',
  'tom.testmans@politie.example.be',
  'Tom Testmans',
);
export const coordinator = person(
  'b7c8d9e0-f1a2-4b3c-8d4e-5f6a7b8c9d0e',
  'lotte.coordinator@example.be',
  'Lotte Coördinator',
);
export const EXPERT_EMAIL = 'expert@vk.example.org';

export function mailingItem(fields: Partial<MailingItem> & Pick<MailingItem, 'id'>): MailingItem {
  return {
    sessionId: SESSION_ID,
    originalSessionId: null,
    itemType: 'plan-van-aanpak',
    durationMinutes: 30,
    position: 1,
    slotStart: new Date('2027-01-26T12:00:00Z'),
    slotEnd: new Date('2027-01-26T12:30:00Z'),
    status: 'placed',
    icsSequence: 0,
    dossierId: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
    dossierCode: 'CO3-2026-0042',
    casusregisseur: regisseur,
    submittedBy: submitter,
    guests: [],
    ...fields,
  };
}

export interface MailingWorldOptions {
  readonly sessions?: readonly SessionRecord[];
  readonly items?: readonly MailingItem[];
  readonly members?: readonly MailingPerson[];
  /** The table's coordinators (who hear about an empty agenda). */
  readonly coordinators?: readonly MailingPerson[];
  /** What the planner says of the job: still the session's current one or not. */
  readonly jobIsCurrent?: boolean;
}

/**
 * The freeze and send use cases on fakes: the sessions, the items and the outbox in memory under
 * one fake unit of work; the real mail writer and dispatcher; a planner that answers as told.
 */
export function mailingWorld(options: MailingWorldOptions = {}) {
  const sessions = new FakeAgendaSessionRepository(options.sessions ?? [weegploegSession()]);
  const mailing = new FakeAgendaMailing(options.items ?? [])
    .withMembers(REGION_ID, 'weegploeg', options.members ?? [])
    .withCoordinators(REGION_ID, 'weegploeg', options.coordinators ?? []);
  const unitOfWork = new FakeUnitOfWork(
    sessions.rows,
    mailing.items,
    mailing.outbox.rows,
    mailing.outbox.bodies,
  );
  const queue = new FakeMailJobQueue();
  /** For each enqueue: whether a transaction was still open (it must not be). */
  const enqueuedInTransaction: boolean[] = [];
  const enqueueMany = queue.enqueueMany.bind(queue);
  queue.enqueueMany = async (jobs, delayMs) => {
    enqueuedInTransaction.push(unitOfWork.inTransaction);
    await enqueueMany(jobs, delayMs);
  };
  const plannerCalls: { job: AgendaJobName; sessionId: string; plannedAtMs: number }[] = [];
  const planner = {
    isCurrent: async (job: AgendaJobName, sessionId: string, plannedAtMs: number) => {
      plannerCalls.push({ job, sessionId, plannedAtMs });
      return options.jobIsCurrent ?? true;
    },
  };
  const timing = { findTable: (key: string) => CO3_ANTWERPEN.tables.find((t) => t.key === key) };
  const clock = { now: () => NOW };
  const identity = mailIdentity('CO3 Antwerpen <overlegtafels@co3.example.be>', 'CO3 Antwerpen');
  const config = loadConfig({ NODE_ENV: 'test', PUBLIC_URL: 'https://overlegtafels.example.be' }, '/tmp');
  const reminders = new FakeCalendarReminders();
  const writer = new AgendaMailWriter(
    new MailComposer(identity, new MailTemplates()),
    identity,
    config,
    clock,
    reminders,
  );
  const dispatcher = new AgendaMailDispatcher(mailing, queue);
  const freeze = new FreezeSessionUseCase(
    unitOfWork,
    sessions,
    mailing,
    writer,
    dispatcher,
    timing,
    planner,
    clock,
  );
  const send = new SendAgendaUseCase(
    unitOfWork,
    sessions,
    mailing,
    writer,
    dispatcher,
    freeze,
    timing,
    planner,
    clock,
  );
  // Every mail must render: a skipped one shows up as a warning.
  const warnings = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
  /** The outbox rows as the assertions compare them. */
  const mails = () =>
    mailing.outbox.rows.all().map((r) => ({
      purpose: r.purpose,
      to: r.recipientEmail,
      sequence: r.message.sequence,
      ics: r.icsMethod ?? null,
      sessionId: r.message.sessionId ?? null,
      agendaItemId: r.message.agendaItemId ?? null,
      inTransaction: r.tx,
    }));
  return {
    sessions,
    mailing,
    unitOfWork,
    queue,
    enqueuedInTransaction,
    plannerCalls,
    freeze,
    send,
    warnings,
    mails,
    reminders,
    table: weegploeg,
  };
}

export type MailingWorld = ReturnType<typeof mailingWorld>;
