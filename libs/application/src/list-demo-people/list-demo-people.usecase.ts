import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@overlegtafels/config';
import { LoginPeople, PersonWithRoles } from '../ports/person.repository.port';

/** The fictitious people of a demo installation to log in as; nobody where the demo login is off. */
@Injectable()
export class ListDemoPeopleUseCase {
  constructor(
    @Inject(LoginPeople) private readonly people: LoginPeople,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute(): Promise<PersonWithRoles[]> {
    if (!this.config.demoLogin) return [];
    return this.people.listActiveWithRoles(this.config.region);
  }
}
