import { Inject, Injectable } from '@nestjs/common';
import { OrganisationDirectory } from '../ports/organisation-directory.port';

/** What the aanmelding form offers to choose from. */
@Injectable()
export class AanmeldingFormQuery {
  constructor(@Inject(OrganisationDirectory) private readonly organisations: OrganisationDirectory) {}

  /** The region's active organisations, by name. */
  async organisationsOf(regionId: string): Promise<{ id: string; name: string; kind: string }[]> {
    return this.organisations.list(regionId);
  }
}
