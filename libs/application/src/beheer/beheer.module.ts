import { Module } from '@nestjs/common';
import { AgendaModule } from '../agenda/agenda.module';
import { BeheerAddPersonUseCase } from '../beheer-add-person/beheer-add-person.usecase';
import { BeheerClosePeriodUseCase } from '../beheer-close-period/beheer-close-period.usecase';
import { BeheerEditPersonUseCase } from '../beheer-edit-person/beheer-edit-person.usecase';
import { BeheerRemoveMembershipUseCase } from '../beheer-membership/beheer-remove-membership.usecase';
import { BeheerSetMembershipUseCase } from '../beheer-membership/beheer-set-membership.usecase';
import { BeheerAddOrganisationUseCase } from '../beheer-organisation/beheer-add-organisation.usecase';
import { BeheerEditOrganisationUseCase } from '../beheer-organisation/beheer-edit-organisation.usecase';
import { BeheerSetOrganisationActiveUseCase } from '../beheer-organisation/beheer-organisation-active.usecase';
import { BeheerSetPersonActiveUseCase } from '../beheer-person-active/beheer-person-active.usecase';
import { BeheerSetPersonRolesUseCase } from '../beheer-person-roles/beheer-person-roles.usecase';
import { ReadBeheerUseCase } from '../beheer-read/read-beheer.usecase';
import { BeheerChange } from './beheer-change';

const providers = [
  BeheerChange,
  ReadBeheerUseCase,
  BeheerAddPersonUseCase,
  BeheerEditPersonUseCase,
  BeheerSetPersonRolesUseCase,
  BeheerSetPersonActiveUseCase,
  BeheerSetMembershipUseCase,
  BeheerRemoveMembershipUseCase,
  BeheerAddOrganisationUseCase,
  BeheerEditOrganisationUseCase,
  BeheerSetOrganisationActiveUseCase,
  BeheerClosePeriodUseCase,
];

/** The beheerder's work on the region's people, organisations, roles, seats and closed periods. */
@Module({
  imports: [AgendaModule],
  providers,
  exports: providers,
})
export class BeheerModule {}
