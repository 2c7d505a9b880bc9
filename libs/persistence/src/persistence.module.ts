import { Global, Module } from '@nestjs/common';
import { PrismaService } from './prisma.service';
import { PrismaUnitOfWork } from './prisma-unit-of-work';
import { AuditRepository } from './repositories/audit.repository';
import { PrismaAuditTrail } from './repositories/audit-trail.read-model';
import { PrismaMailOutbox } from './repositories/mail-outbox.repository';
import { UserSessionRepository } from './repositories/user-session.repository';
import { PrismaLoginAttempts } from './repositories/login-attempts.repository';
import { PrismaExpiredLogins } from './repositories/expired-logins.repository';
import { PrismaDossierReadModel } from './repositories/dossier-read-model';
import { PrismaCalendarStateRepository } from './repositories/calendar-state.repository';
import { CalendarFeedRepository } from './repositories/calendar-feed.repository';
import { PrismaCalendarReminders } from './repositories/calendar-reminders.repository';
import { PrismaCalendarReplies } from './repositories/calendar-replies.repository';
import { PrismaAgendaReadModel } from './repositories/agenda-read-model';
import { PrismaAgendaSessionRepository } from './repositories/agenda-session.repository';
import { PrismaAgendaItemRepository } from './repositories/agenda-item.repository';
import { AgendaMailingRepository } from './repositories/agenda-mailing.repository';
import { OrganisationRepository } from './repositories/organisation.repository';
import { PrismaBeheerDirectory } from './repositories/beheer-directory.repository';
import { PrismaCasusregieHandoverReads } from './repositories/casusregie-handover.repository';
import { PrismaDossierRepository } from './repositories/dossier/prisma-dossier.repository';
import { PrismaDossierReopenings } from './repositories/dossier/prisma-dossier-reopenings';
import { PrismaDecisionHistory } from './repositories/dossier/prisma-decision-history';
import { PrismaRegionRepository } from './repositories/region.repository';
import { PrismaPersonDirectory } from './repositories/person-directory.repository';
import { PrismaDocumentRepository } from './repositories/document.repository';
import { PrismaItemDocumentRepository } from './repositories/item-document.repository';
import { PrismaToDoReadModel } from './repositories/to-do.read-model';
import { PrismaRiskPictureRepository } from './repositories/risk-picture.repository';
import { PrismaSessionMinutesRepository } from './repositories/session-minutes.repository';
import { PrismaItemPreparationRepository } from './repositories/item-preparation.repository';
import {
  PrismaObligationReadModel,
  PrismaReconcileLedger,
  PrismaObligationRepository,
  PrismaReminderSweepClaim,
} from './repositories/obligations';
import { PrismaPlanVanAanpakRepository } from './repositories/plan-van-aanpak.repository';
import { PrismaSubmissionLedger } from './repositories/submission-ledger.repository';
import { PrismaDossierRetention } from './repositories/dossier-retention.repository';

const repositories = [
  PrismaUnitOfWork,
  AuditRepository,
  PrismaAuditTrail,
  PrismaMailOutbox,
  UserSessionRepository,
  PrismaLoginAttempts,
  PrismaExpiredLogins,
  PrismaDossierReadModel,
  PrismaCalendarStateRepository,
  CalendarFeedRepository,
  PrismaCalendarReminders,
  PrismaCalendarReplies,
  PrismaAgendaReadModel,
  PrismaAgendaSessionRepository,
  PrismaAgendaItemRepository,
  AgendaMailingRepository,
  OrganisationRepository,
  PrismaBeheerDirectory,
  PrismaCasusregieHandoverReads,
  PrismaDossierRepository,
  PrismaDossierReopenings,
  PrismaDecisionHistory,
  PrismaRegionRepository,
  PrismaPersonDirectory,
  PrismaDocumentRepository,
  PrismaItemDocumentRepository,
  PrismaToDoReadModel,
  PrismaObligationRepository,
  PrismaReminderSweepClaim,
  PrismaObligationReadModel,
  PrismaReconcileLedger,
  PrismaRiskPictureRepository,
  PrismaPlanVanAanpakRepository,
  PrismaSessionMinutesRepository,
  PrismaItemPreparationRepository,
  PrismaSubmissionLedger,
  PrismaDossierRetention,
];

@Global()
@Module({ providers: [PrismaService, ...repositories], exports: [PrismaService, ...repositories] })
export class PersistenceModule {}
