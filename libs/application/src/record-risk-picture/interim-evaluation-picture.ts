import { Inject, Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { APP_CONFIG, AppConfig } from '@overlegtafels/config';
import { interimEvaluationPicture } from '@overlegtafels/domain';
import { AgendaRefusal } from '../errors';
import { RiskPictureRepository } from '../ports/risk-picture.repository.port';
import type { Transaction } from '../ports/unit-of-work.port';
import { regionTimeZone } from '../region-time-zone';
import { RiskPictureRecorder } from './risk-picture-recorder';

/** The item type of the Ronde Tafel's interim evaluation (the `tussentijdse-evaluatie` obligation). */
export const INTERIM_EVALUATION_ITEM_TYPE = 'tussentijdse-evaluatie';

/**
 * The interim evaluation at the Ronde Tafel comes "met inbegrip van het opnieuw bekijken van
 * risicotaxatie" (guide III.C): agendering it needs a new picture, as interimEvaluationPicture
 * (libs/domain) defines it. A region without an instrument asks for none.
 */
@Injectable()
export class InterimEvaluationPicture {
  /** The time zone of the region the work runs in (the actor's). */
  private get zone(): string {
    return regionTimeZone(this.config);
  }

  constructor(
    @Inject(RiskPictureRepository) private readonly pictures: RiskPictureRepository,
    @Inject(RiskPictureRecorder) private readonly recorder: RiskPictureRecorder,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Throws a refusal on `itemType` naming what is missing; does nothing for other item types. */
  async require(tx: Transaction, dossierId: string, itemType: string, now: Date): Promise<void> {
    if (itemType !== INTERIM_EVALUATION_ITEM_TYPE || !this.recorder.instrument) return;
    const day = (d: Date) => DateTime.fromJSDate(d, { zone: this.zone }).toISODate()!;
    const stamps = (await this.pictures.picturesOf(tx, dossierId)).map((p) => ({
      version: p.version,
      occasion: p.occasion,
      recordedOn: day(p.recordedAt),
    }));
    const verdict = interimEvaluationPicture(stamps, day(now));
    if (!verdict.ok) throw new AgendaRefusal(verdict.code, verdict.message, 'itemType', 'unprocessable');
  }
}
