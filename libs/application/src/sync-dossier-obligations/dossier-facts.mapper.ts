import { DateTime } from 'luxon';
import { DossierFacts, isDecisionKind } from '@overlegtafels/domain';
import type { DossierToPlan } from '../ports/obligation.repository.port';

const ymd = (d: Date): string => d.toISOString().slice(0, 10);

/** The stored dossier as the domain's planning sees it. Sessions are keyed by their local date. */
export function dossierFacts(read: DossierToPlan, zone: string): DossierFacts {
  const { dossier, decisions, agendaItems, obligations } = read;
  return {
    // The current life; what came before its start is the earlier life's (factsOfCurrentLife).
    life: read.life,
    ...(read.lifeStartedAt && { lifeStartedAtMs: read.lifeStartedAt.getTime() }),
    ...(dossier.casusregiePlannedStartDate && {
      casusregiePlannedStartDate: ymd(dossier.casusregiePlannedStartDate),
    }),
    ...(dossier.casusregieStartDate && { casusregieStartDate: ymd(dossier.casusregieStartDate) }),
    ...(dossier.afrondingDate && { afrondingDate: ymd(dossier.afrondingDate) }),
    ...(dossier.afsluitingDate && { afsluitingDate: ymd(dossier.afsluitingDate) }),
    ...(dossier.consentVerifiedAt && { consentVerifiedAtMs: dossier.consentVerifiedAt.getTime() }),
    ...(dossier.childrenOver12HeardAt && {
      childrenOver12HeardAtMs: dossier.childrenOver12HeardAt.getTime(),
    }),
    consulentInvolved: dossier.ocjSdjConsulentInvolved,
    ...(dossier.ocjSdjConsulentInvolved &&
      dossier.consulentInvolvedSince && { consulentInvolvedSince: ymd(dossier.consulentInvolvedSince) }),
    ...(dossier.consulentConsultedOn && { consulentConsultedOn: ymd(dossier.consulentConsultedOn) }),
    childrenOver12: dossier.childrenOver12,
    ...(dossier.traject && { traject: dossier.traject }),
    decisions: decisions
      .filter((d) => isDecisionKind(d.kind))
      .map((d) => ({
        id: d.id,
        kind: d.kind as DossierFacts['decisions'][number]['kind'],
        decidedAtMs: d.decidedAt.getTime(),
        tableKey: d.tableKey,
        ...(d.terugkomdatum && { terugkomdatum: ymd(d.terugkomdatum) }),
        ...(d.vervolgoverlegDate && { vervolgoverlegDate: ymd(d.vervolgoverlegDate) }),
        ...(d.bijkomendCasusoverlegDate && { bijkomendCasusoverlegDate: ymd(d.bijkomendCasusoverlegDate) }),
      })),
    agendaItems: agendaItems.map((i) => ({
      id: i.id,
      tableKey: i.tableKey,
      itemType: i.itemType,
      submittedAtMs: i.submittedAt.getTime(),
      sessionKey: `${i.tableKey}:${DateTime.fromJSDate(i.sessionScheduledStart, { zone }).toISODate()}`,
      withdrawn: false,
    })),
    manualFulfilments: obligations
      .filter((o) => o.status === 'fulfilled' && o.fulfilmentKind === 'manual' && o.fulfilledAt)
      .map((o) => ({
        life: o.life,
        ruleKey: o.ruleKey,
        sequence: o.sequence,
        atMs: (o.fulfilledAt as Date).getTime(),
        note: o.fulfilmentNote?.trim() || 'afgerond',
      })),
    formFulfilments: obligations
      .filter((o) => o.status === 'fulfilled' && o.fulfilmentKind === 'form' && o.fulfilledAt)
      .map((o) => ({
        life: o.life,
        ruleKey: o.ruleKey,
        sequence: o.sequence,
        atMs: (o.fulfilledAt as Date).getTime(),
      })),
  };
}
