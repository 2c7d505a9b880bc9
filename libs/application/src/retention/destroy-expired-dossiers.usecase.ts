import { Inject, Injectable, Logger } from '@nestjs/common';
import { CLOCK, Clock } from '@overlegtafels/config';
import {
  endedPhaseKeys,
  isAfgesloten,
  LocalDateString,
  localDayOf,
  RegionConfig,
  retentionDue,
} from '@overlegtafels/domain';
import { getRegion, listRegions } from '@overlegtafels/regions';
import { DocumentStore } from '../documents/document-store';
import { AuditLog } from '../ports/audit-log.port';
import { DossierRetention, EndedDossier } from '../ports/dossier-retention.port';
import { UnitOfWork } from '../ports/unit-of-work.port';
import { loggableError } from '../runtime/loggable-error';

export interface DestroyExpiredDossiersCommand {
  /** List what is due and change nothing. */
  readonly dryRun?: boolean;
  /** Only this region's dossiers; every region otherwise. */
  readonly regionKey?: string;
  /** Who started it: an operator's person id for a manual run; null for the nightly job. */
  readonly actorPersonId?: string | null;
  /** Where it was started, for the audit log: `cli retention`, `job dossier-retention`. */
  readonly trigger?: string;
}

/** A dossier that is (dry run) or was destroyed: its code and dates, nothing of its content. */
export interface RetentionLine {
  readonly code: string;
  /** The key of the region's phase. */
  readonly phase: string;
  readonly endedOn: LocalDateString;
  readonly dueOn: LocalDateString;
}

export interface DestroyExpiredDossiersResult {
  readonly dryRun: boolean;
  /** Dry run: what is due. Otherwise: what this run destroyed (not what another run did). */
  readonly dossiers: readonly RetentionLine[];
}

export class UnknownRetentionRegionError extends Error {
  readonly code = 'UNKNOWN_REGION';
  constructor(key: string) {
    super(`region "${key}" has no configuration in libs/regions`);
  }
}

/**
 * Destroys the dossiers whose retention period is over (retentionDue, the region's periods):
 * each in one transaction with its tombstone in the audit log — `dossier.destroyed` with the
 * code, the day it ended, the day it went and the period, no content — and its stored files
 * after the commit. Safe to run twice or on two workers at once: the destruction locks the
 * dossier's row and does nothing when it is already gone, so there is one tombstone.
 */
@Injectable()
export class DestroyExpiredDossiersUseCase {
  private readonly logger = new Logger(DestroyExpiredDossiersUseCase.name);

  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(DossierRetention) private readonly retention: DossierRetention,
    @Inject(AuditLog) private readonly audit: AuditLog,
    @Inject(DocumentStore) private readonly files: DocumentStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: DestroyExpiredDossiersCommand = {}): Promise<DestroyExpiredDossiersResult> {
    if (command.regionKey !== undefined && !getRegion(command.regionKey)) {
      throw new UnknownRetentionRegionError(command.regionKey);
    }
    const now = this.clock.now();
    // Each region's ended phases are its own keys: one query per region, in the registry's order.
    const regions = command.regionKey !== undefined ? [getRegion(command.regionKey)!] : listRegions();
    const ended: EndedDossier[] = [];
    for (const region of regions)
      ended.push(...(await this.retention.endedDossiers(region.key, endedPhaseKeys(region.dossierLife))));
    const due = this.dueAmong(ended, now);
    const actorPersonId = command.actorPersonId ?? null;
    const route = command.trigger ?? null;
    if (command.dryRun) {
      await this.audit.append(
        {
          actorPersonId,
          action: 'retention.dry-run',
          entityType: 'retention',
          entityId: null,
          route,
          outcome: 'allowed',
          details: { region: command.regionKey ?? null, due: due.length },
        },
        now,
      );
      return { dryRun: true, dossiers: due.map((d) => d.line) };
    }
    const destroyed: RetentionLine[] = [];
    for (const { dossier, line, period, region } of due) {
      const gone = await this.uow.run(
        async (tx) => {
          const result = await this.retention.destroy(tx, dossier.id, dossier.phase);
          if (!result) return undefined;
          await this.audit.append(
            {
              actorPersonId,
              action: 'dossier.destroyed',
              entityType: 'dossier',
              entityId: dossier.id,
              dossierId: dossier.id,
              route,
              outcome: 'allowed',
              details: {
                code: dossier.code,
                endedOn: line.endedOn,
                destroyedOn: localDayOf(now, region.timeZone),
                period,
              },
            },
            now,
            tx,
          );
          return result;
        },
        { timeoutMs: 60_000 },
      );
      if (!gone) continue;
      for (const key of gone.storageKeys) {
        try {
          await this.files.discard(key);
        } catch (error) {
          this.logger.error(`document file ${key} of ${dossier.code} not removed: ${loggableError(error)}`);
        }
      }
      destroyed.push(line);
    }
    if (destroyed.length > 0) this.logger.log(`retention: ${destroyed.length} dossiers destroyed`);
    return { dryRun: false, dossiers: destroyed };
  }

  private dueAmong(ended: readonly EndedDossier[], now: Date) {
    const due: { dossier: EndedDossier; line: RetentionLine; period: string; region: RegionConfig }[] = [];
    for (const dossier of ended) {
      const region = getRegion(dossier.regionKey);
      if (!region) {
        this.logger.warn(
          `retention: region ${dossier.regionKey} has no configuration; its dossiers are kept`,
        );
        continue;
      }
      const endedOn = isAfgesloten(region.dossierLife, dossier.phase)
        ? dossier.afsluitingDate
        : dossier.endDecisionAt
          ? localDayOf(dossier.endDecisionAt, region.timeZone)
          : null;
      const verdict = retentionDue({ phase: dossier.phase, endedOn }, region, now);
      if (!verdict.due || endedOn === null || !('period' in verdict)) continue;
      due.push({
        dossier,
        line: { code: dossier.code, phase: dossier.phase, endedOn, dueOn: verdict.dueOn },
        period: verdict.period,
        region,
      });
    }
    return due;
  }
}
