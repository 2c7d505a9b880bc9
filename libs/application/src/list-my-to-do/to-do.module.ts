import { Module } from '@nestjs/common';
import { SessionMinutesModule } from '../minutes/session-minutes.module';
import { ObligationsModule } from '../obligations/obligations.module';
import { ListMyToDoUseCase } from './list-my-to-do.usecase';

/** "Voor mij te doen": obligations, preparations, decisions and verslagen in one list. */
@Module({
  imports: [ObligationsModule, SessionMinutesModule],
  providers: [ListMyToDoUseCase],
  exports: [ListMyToDoUseCase],
})
export class ToDoModule {}
