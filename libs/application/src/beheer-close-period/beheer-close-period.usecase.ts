import { Inject, Injectable } from '@nestjs/common';
import type { LocalDateString } from '@overlegtafels/domain';
import type { BeheerActor } from '../beheer/beheer-change';
import { ClosePeriodUseCase } from '../close-period/close-period.usecase';

export interface BeheerClosePeriodCommand {
  readonly actor: BeheerActor;
  readonly from: LocalDateString;
  readonly to: LocalDateString;
  readonly tableKey?: string;
  readonly reason: string;
  readonly submissionKey?: string;
}

/**
 * The region's closed periods (holidays, the Christmas weeks) as the beheerder keeps them: the
 * same closing as a coordinator's, for any table of the region or all of them at once, with its
 * effects (the sessions in it cancelled, their items carried on, everyone invited told) in the
 * same transaction. The beheerder acts for the whole region's calendar here.
 */
@Injectable()
export class BeheerClosePeriodUseCase {
  constructor(
    @Inject(ClosePeriodUseCase) private readonly closePeriod: Pick<ClosePeriodUseCase, 'execute'>,
  ) {}

  execute({ actor, ...period }: BeheerClosePeriodCommand): Promise<void> {
    return this.closePeriod.execute({ ...period, actor: { ...actor, coordinatorTables: 'all' } });
  }
}
