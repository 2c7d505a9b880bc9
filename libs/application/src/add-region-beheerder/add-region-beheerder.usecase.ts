import { Inject, Injectable } from '@nestjs/common';
import { z } from 'zod';
import { CLOCK, Clock } from '@overlegtafels/config';
import { getRegion } from '@overlegtafels/regions';
import { InputError } from '../errors';
import { email, SHORT, text } from '../input/input-fields';
import { parseInput } from '../input/parse-input';
import { AuditLog } from '../ports/audit-log.port';
import { BeheerDirectory } from '../ports/beheer-directory.port';
import { RegionRepository } from '../ports/region.repository.port';
import { UnitOfWork } from '../ports/unit-of-work.port';
import { emailTaken } from '../beheer-add-person/beheer-add-person.usecase';

/**
 * What the operator gives for a region's beheerder: the region's key, the person and why. A new
 * region (REGIONS, or a region file) has nobody yet who could add its first people; the operator
 * makes its beheerder on the command line, and the beheerder does the rest on the beheer pages.
 */
export const AddRegionBeheerderSchema = z.object({
  region: z
    .string({ error: 'Regio: geef de sleutel van een regio.' })
    .trim()
    .min(1, 'Regio: geef de sleutel van een regio.'),
  displayName: text('Naam', SHORT),
  email: email('E-mailadres'),
  reason: text('Reden', 500),
});

export interface AddRegionBeheerderResult {
  readonly personId: string;
  readonly regionKey: string;
}

/** Makes a beheerder (role admin, no organisation) of a region, audited as the operator's work. */
@Injectable()
export class AddRegionBeheerderUseCase {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(BeheerDirectory) private readonly directory: BeheerDirectory,
    @Inject(RegionRepository) private readonly regions: RegionRepository,
    @Inject(AuditLog) private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(input: unknown): Promise<AddRegionBeheerderResult> {
    const command = parseInput(AddRegionBeheerderSchema, input);
    if (!getRegion(command.region)) {
      throw new InputError([
        {
          field: 'region',
          code: 'UNKNOWN_REGION',
          message: `Regio: "${command.region.slice(0, 60)}" is geen regio.`,
        },
      ]);
    }
    return this.uow.run(async (tx) => {
      let regionId: string;
      try {
        regionId = await this.regions.idOf(command.region, tx);
      } catch {
        throw new InputError([
          {
            field: 'region',
            code: 'REGION_NOT_IN_DATABASE',
            message: `Regio: ${command.region} staat nog niet in de databank; start de dienst eerst met deze regio.`,
          },
        ]);
      }
      if (await this.directory.emailTaken(tx, regionId, command.email)) throw emailTaken();
      const personId = await this.directory.addPerson(tx, regionId, {
        displayName: command.displayName,
        email: command.email,
        organisationId: null,
      });
      await this.directory.setRoles(tx, personId, [{ role: 'admin', tableKey: null }]);
      // As the beheer's changes: the person's id, the role and the reason, never a name or address.
      await this.audit.append(
        {
          actorPersonId: null,
          action: 'beheer.person.add',
          entityType: 'person',
          entityId: personId,
          route: 'cli beheerder add',
          outcome: 'allowed',
          details: { region: command.region, roles: 'admin', via: 'operator', reason: command.reason },
        },
        this.clock.now(),
        tx,
      );
      return { personId, regionKey: command.region };
    });
  }
}
