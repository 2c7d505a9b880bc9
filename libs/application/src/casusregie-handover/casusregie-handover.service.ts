import { Inject, Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { APP_CONFIG, AppConfig } from '@overlegtafels/config';
import {
  activeCasusregisseurPhaseKeys,
  casusregieFollowUpTable,
  isActionPointRuleKey,
} from '@overlegtafels/domain';
import { dossierCode, emailAddress, MailComposer, webLink } from '@overlegtafels/mail';
import type { Actor } from '../agenda/agenda-views';
import { AuditLog } from '../ports/audit-log.port';
import { CasusregieHandoverReads, HandoverDossier, OwnedObligation } from '../ports/casusregie-handover.port';
import { DossierChanged } from '../ports/dossier-changed.port';
import { MailOutbox, QueuedMail } from '../ports/mail-outbox.port';
import { ObligationRepository } from '../ports/obligation.repository.port';
import { PersonDirectory } from '../ports/person-directory.port';
import type { Transaction } from '../ports/unit-of-work.port';
import { scopedRegion } from '../region-time-zone';

/** What a person's deactivation handed to the coordinators: counts only (a beheerder sees no dossier). */
export interface CasusregieHandedOver {
  /** Open dossiers they were the casusregisseur of: these need a new one. */
  readonly dossiers: number;
  /** Their open follow-up tasks of those dossiers, now the coordinators'. */
  readonly obligations: number;
  /** Their open action points of verslagen, now the coordinators' of the table. */
  readonly actionPoints: number;
}

export const NOTHING_HANDED_OVER: CasusregieHandedOver = { dossiers: 0, obligations: 0, actionPoints: 0 };

/** What the handover did, and the mails to send once its transaction committed. */
export interface Handover {
  readonly handedOver: CasusregieHandedOver;
  readonly mails: readonly QueuedMail[];
}

/**
 * A person is deactivated (they left): what they were responsible for must not stay with someone
 * who can no longer log in. In the deactivation's transaction: every open dossier they direct is
 * re-planned, so its casusregisseur tasks are the region's casusregie follow-up table's
 * coordinators' (on their "Mijn opvolging", to fulfil there) until those appoint a new
 * casusregisseur, who then gets the open ones (the re-plan after the change of casusregisseur);
 * their open action points go to the coordinators (of that table for a dossier they direct, of
 * the action point's own table otherwise); the coordinators are told by mail, the dossier code
 * only, with the link to the change of casusregisseur; each dossier's audit event has ids and
 * counts. Reactivating the person takes nothing back.
 */
@Injectable()
export class CasusregieHandover {
  constructor(
    @Inject(CasusregieHandoverReads) private readonly reads: CasusregieHandoverReads,
    @Inject(DossierChanged) private readonly dossierChanged: DossierChanged,
    @Inject(ObligationRepository) private readonly obligations: ObligationRepository,
    @Inject(PersonDirectory) private readonly people: PersonDirectory,
    @Inject(MailComposer) private readonly composer: MailComposer,
    @Inject(MailOutbox) private readonly outbox: MailOutbox,
    @Inject(AuditLog) private readonly audit: AuditLog,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Runs after the person was set inactive, in the same transaction. */
  async handOver(tx: Transaction, actor: Actor, personId: string, at: Date): Promise<Handover> {
    const region = scopedRegion(this.config);
    const followUpTable = casusregieFollowUpTable(region.dossierLife);
    const before = await this.reads.openObligationsOwnedBy(tx, actor.regionId, personId);
    const directed = await this.reads.dossiersDirectedBy(
      tx,
      actor.regionId,
      personId,
      activeCasusregisseurPhaseKeys(region.dossierLife),
    );
    const directedIds = new Set(directed.map((d) => d.id));
    // The re-plan sees the casusregisseur left and gives their tasks to the coordinators.
    await this.reads.markCasusregisseurLeft(
      tx,
      directed.map((d) => d.id),
      at,
    );
    for (const d of directed) await this.dossierChanged.dossierChanged(tx, d.id);
    const actionPoints = before.filter((o) => isActionPointRuleKey(o.ruleKey));
    const actionPointTables = new Map<string, Set<string>>();
    for (const o of actionPoints) {
      const table = directedIds.has(o.dossierId) ? followUpTable : (o.tableKey ?? followUpTable);
      await this.obligations.reassign(tx, o.id, { ownerId: null, ownerRole: 'coordinator', tableKey: table });
      if (!directedIds.has(o.dossierId)) {
        const tables = actionPointTables.get(o.dossierId) ?? new Set<string>();
        actionPointTables.set(o.dossierId, tables.add(table));
      }
    }
    const still = new Set(
      (await this.reads.openObligationsOwnedBy(tx, actor.regionId, personId)).map((o) => o.id),
    );
    const moved = before.filter((o) => !isActionPointRuleKey(o.ruleKey) && !still.has(o.id));

    const mails: QueuedMail[] = [];
    const mailed = new Map<string, number>();
    const tell = async (d: HandoverDossier, table: string, role: 'gezocht' | 'actiepunten', link: string) => {
      const sent = await this.tell(tx, {
        regionId: actor.regionId,
        table,
        dossier: d,
        role,
        personId,
        at,
        link,
      });
      mails.push(...sent);
      mailed.set(d.id, (mailed.get(d.id) ?? 0) + sent.length);
    };
    const base = this.config.publicUrl;
    // The dossier page's change of casusregisseur (the coordinators' form).
    for (const d of directed)
      await tell(d, followUpTable, 'gezocht', `${base}/dossiers/${d.code}#casusregisseurs`);
    const others = dossiersOf(actionPoints.filter((o) => !directedIds.has(o.dossierId)));
    for (const d of others) {
      for (const table of actionPointTables.get(d.id) ?? [])
        await tell(d, table, 'actiepunten', `${base}/opvolging`);
    }
    for (const d of [...directed, ...others]) {
      await this.audit.append(
        {
          actorPersonId: actor.personId,
          action: 'dossier.casusregie-handover',
          entityType: 'dossier',
          entityId: d.id,
          dossierId: d.id,
          outcome: 'allowed',
          route: actor.route ?? null,
          details: {
            code: d.code,
            personId,
            casusregisseur: directedIds.has(d.id),
            obligations: moved.filter((o) => o.dossierId === d.id).length,
            actionPoints: actionPoints.filter((o) => o.dossierId === d.id).length,
            mails: mailed.get(d.id) ?? 0,
          },
        },
        at,
        tx,
      );
    }
    return {
      handedOver: { dossiers: directed.length, obligations: moved.length, actionPoints: actionPoints.length },
      mails,
    };
  }

  /** The table's active coordinators hear of it: the dossier code only, the rest behind login. */
  private async tell(
    tx: Transaction,
    what: {
      regionId: string;
      table: string;
      dossier: HandoverDossier;
      role: 'gezocht' | 'actiepunten';
      personId: string;
      at: Date;
      link: string;
    },
  ): Promise<QueuedMail[]> {
    const { regionId, table, dossier: d, role, personId, at, link } = what;
    const day = DateTime.fromJSDate(at, { zone: scopedRegion(this.config).timeZone });
    const mails: QueuedMail[] = [];
    for (const c of await this.people.coordinatorsOf(tx, regionId, table)) {
      if (c.personId === personId) continue;
      const rendered = await this.composer.casusregieChange({
        recipient: { address: emailAddress(c.email), name: c.displayName },
        dossier: dossierCode(d.code),
        role,
        effectiveDate: day,
        link: webLink(link),
      });
      mails.push(
        await this.outbox.write(tx, rendered, {
          // One per deactivation (its moment), dossier, table and coordinator.
          key: `casusregie-handover|${personId}|${at.getTime()}|${d.id}|${table}|${c.personId}`,
          purpose: 'casusregie-change',
          recipientEmail: c.email,
          recipientPersonId: c.personId,
          dossierId: d.id,
        }),
      );
    }
    return mails;
  }
}

function dossiersOf(obligations: readonly OwnedObligation[]): HandoverDossier[] {
  const byId = new Map<string, HandoverDossier>();
  for (const o of obligations) byId.set(o.dossierId, { id: o.dossierId, code: o.dossierCode });
  return [...byId.values()];
}
