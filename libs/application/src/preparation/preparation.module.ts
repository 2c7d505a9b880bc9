import { Module } from '@nestjs/common';
import { ListItemPreparationUseCase } from '../list-item-preparation/list-item-preparation.usecase';
import { ListSessionPreparationUseCase } from '../list-session-preparation/list-session-preparation.usecase';
import { RecordPreparationUseCase } from '../record-preparation/record-preparation.usecase';
import { RemindPreparationUseCase } from '../remind-preparation/remind-preparation.usecase';
import { PreparationGate } from './preparation-gate';

const providers = [
  PreparationGate,
  RecordPreparationUseCase,
  ListItemPreparationUseCase,
  ListSessionPreparationUseCase,
  RemindPreparationUseCase,
];

/** The partners' preparation of the items before a session (guide II.C). Ports come from CoreModule. */
@Module({ providers, exports: providers })
export class PreparationModule {}
