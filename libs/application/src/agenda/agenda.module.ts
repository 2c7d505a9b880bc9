import { Module } from '@nestjs/common';
import { DocumentStore } from '../documents/document-store';
import { ReplaceItemDocumentUseCase } from '../replace-item-document/replace-item-document.usecase';
import { ListItemDocumentsUseCase } from '../list-item-documents/list-item-documents.usecase';
import { AgendaMailingModule } from '../agenda-mailing/agenda-mailing.module';
import { ObligationsModule } from '../obligations/obligations.module';
import { ListDossierObligationsUseCase } from '../list-dossier-obligations/list-dossier-obligations.usecase';
import { ObligationsFollowDossier } from '../obligations/obligations-follow-dossier';
import { DossierChanged } from '../ports/dossier-changed.port';
import { AgendaCoreModule } from './agenda-core.module';
import { DOSSIER_TIMELINE_SOURCES, DossierTimelineSource } from '../dossier-timeline/dossier-timeline';
import { DossierTimelineQuery } from '../dossier-timeline/dossier-timeline.query';
import { AgendaQueries } from './agenda-queries';
import { MoveAgendaItemUseCase } from '../move-agenda-item/move-agenda-item.usecase';
import { CancelSessionUseCase } from '../cancel-session/cancel-session.usecase';
import { ChangeSessionCapacityUseCase } from '../change-session-capacity/change-session-capacity.usecase';
import { MoveSessionUseCase } from '../move-session/move-session.usecase';
import { FreezeAgendaUseCase } from '../freeze-agenda/freeze-agenda.usecase';
import { ClosePeriodUseCase } from '../close-period/close-period.usecase';
import { SendAgendaNowUseCase } from '../send-agenda-now/send-agenda-now.usecase';
import { SetSessionPlaceUseCase } from '../set-session-place/set-session-place.usecase';
import { ShareAgendaItemUseCase } from '../share-agenda-item/share-agenda-item.usecase';
import { UnfreezeAgendaUseCase } from '../unfreeze-agenda/unfreeze-agenda.usecase';
import { CoordinatorChange } from '../coordinator/coordinator-change';
import { CorrectCasusregieStartUseCase } from '../correct-casusregie-start/correct-casusregie-start.usecase';
import { OpenDossierModule } from '../open-dossier/open-dossier.module';
import { RecordConsulentUseCase } from '../record-consulent/record-consulent.usecase';
import { ReassignCasusregisseurUseCase } from '../reassign-casusregisseur/reassign-casusregisseur.usecase';
import { CasusregieHandover } from '../casusregie-handover/casusregie-handover.service';
import { RecordConsentUseCase } from '../record-consent/record-consent.usecase';
import { RecordNoConsentUseCase } from '../record-no-consent/record-no-consent.usecase';
import { ReopenDossierUseCase } from '../reopen-dossier/reopen-dossier.usecase';
import { AanmeldingConfirmationQuery } from '../submit-aanmelding/aanmelding-confirmation.query';
import { RecordChildHearingUseCase } from '../record-child-hearing/record-child-hearing.usecase';
import { RecordConsulentConsultationUseCase } from '../record-consulent-consultation/record-consulent-consultation.usecase';
import { ConsulentCheckQuery } from '../record-consulent-consultation/consulent-consultation.query';
import { ChildrenHeardQuery } from '../record-child-hearing/children-heard.query';
import { DecisionAgenda } from '../ports/decision-agenda.port';
import { AgendaDecisionAdapter } from '../record-decision/agenda-decision.adapter';
import { DecisionLetters } from '../record-decision/decision-letters';
import { RecordDecisionUseCase } from '../record-decision/record-decision.usecase';
import { DecisionWithdrawer } from '../withdraw-decision/decision-withdrawer';
import { WithdrawDecisionUseCase } from '../withdraw-decision/withdraw-decision.usecase';
import { ChangeDecisionUseCase } from '../change-decision/change-decision.usecase';
import { DecisionWithdrawalQuery } from '../withdraw-decision/decision-withdrawal.query';
import { AgendaPlacementAdapter } from '../agenda-placement/agenda-placement.adapter';
import { AgendaPlacement } from '../ports/agenda-placement.port';
import { AanmeldingFormQuery } from '../submit-aanmelding/aanmelding-form.query';
import { SubmitAanmeldingUseCase } from '../submit-aanmelding/submit-aanmelding.usecase';
import { AgenderingPreviewQuery } from '../submit-agendering/agendering-preview.query';
import { SubmitAgenderingUseCase } from '../submit-agendering/submit-agendering.usecase';
import { AgenderingConfirmationQuery } from '../submit-agendering/agendering-confirmation.query';
import { RiskPictureModule } from '../record-risk-picture/risk-picture.module';
import { EditPlanVanAanpakUseCase } from '../edit-plan-van-aanpak/edit-plan-van-aanpak.usecase';
import { ReadPlanVanAanpakUseCase } from '../read-plan-van-aanpak/read-plan-van-aanpak.usecase';
import { ReadPlanVersionUseCase } from '../read-plan-version/read-plan-version.usecase';

const providers = [
  DocumentStore,
  SubmitAanmeldingUseCase,
  AanmeldingFormQuery,
  AanmeldingConfirmationQuery,
  SubmitAgenderingUseCase,
  AgenderingConfirmationQuery,
  AgenderingPreviewQuery,
  RecordDecisionUseCase,
  WithdrawDecisionUseCase,
  ChangeDecisionUseCase,
  DecisionWithdrawalQuery,
  RecordConsulentUseCase,
  RecordConsentUseCase,
  RecordNoConsentUseCase,
  ReopenDossierUseCase,
  RecordChildHearingUseCase,
  RecordConsulentConsultationUseCase,
  ConsulentCheckQuery,
  ChildrenHeardQuery,
  CorrectCasusregieStartUseCase,
  ReassignCasusregisseurUseCase,
  CasusregieHandover,
  CoordinatorChange,
  MoveAgendaItemUseCase,
  CancelSessionUseCase,
  MoveSessionUseCase,
  ChangeSessionCapacityUseCase,
  UnfreezeAgendaUseCase,
  FreezeAgendaUseCase,
  ShareAgendaItemUseCase,
  ClosePeriodUseCase,
  SendAgendaNowUseCase,
  SetSessionPlaceUseCase,
  AgendaQueries,
  DossierTimelineQuery,
  EditPlanVanAanpakUseCase,
  ReadPlanVanAanpakUseCase,
  ReadPlanVersionUseCase,
  ReplaceItemDocumentUseCase,
  ListItemDocumentsUseCase,
];

/**
 * The agenda: aanmelding, agendering, decisions, the coordinator's actions and the read side.
 * Infrastructure (persistence, queues, mail, clock) comes from CoreModule. The mailing side plugs
 * in through AGENDA_NOTIFIER (AgendaMailingModule), follow-up obligations through
 * the required DossierChanged port and DOSSIER_TIMELINE_SOURCES.
 */
@Module({
  imports: [AgendaCoreModule, AgendaMailingModule, ObligationsModule, OpenDossierModule, RiskPictureModule],
  providers: [
    ...providers,
    { provide: DossierChanged, useClass: ObligationsFollowDossier },
    { provide: DecisionAgenda, useClass: AgendaDecisionAdapter },
    DecisionLetters,
    DecisionWithdrawer,
    { provide: AgendaPlacement, useClass: AgendaPlacementAdapter },
    {
      provide: DOSSIER_TIMELINE_SOURCES,
      inject: [ListDossierObligationsUseCase],
      useFactory: (query: ListDossierObligationsUseCase): DossierTimelineSource[] => [query],
    },
  ],
  exports: [...providers, AgendaCoreModule, AgendaMailingModule, OpenDossierModule, RiskPictureModule],
})
export class AgendaModule {}
