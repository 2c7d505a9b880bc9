import { getRegion } from '@overlegtafels/regions';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@overlegtafels/config';
import { PersonDirectory, PersonWithRoles } from '../ports/person-directory.port';

/** The fictitious people of a demo installation to log in as; nobody where the demo login is off. */
@Injectable()
export class ListDemoPeopleUseCase {
  constructor(
    @Inject(PersonDirectory) private readonly people: PersonDirectory,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The names of the regions' tables, by key, for the roles a demo person has at a table. */
  tableNames(): ReadonlyMap<string, string> {
    return new Map(
      this.config.regions.flatMap((key) =>
        (getRegion(key)?.tables ?? []).map((t) => [t.key, t.name] as const),
      ),
    );
  }

  async execute(): Promise<PersonWithRoles[]> {
    if (!this.config.demoLogin) return [];
    return this.people.listActiveWithRoles(this.config.regions);
  }
}
