import { Module } from '@nestjs/common';
import { InterimEvaluationPicture } from './interim-evaluation-picture';
import { RecordRiskPictureUseCase } from './record-risk-picture.usecase';
import { RiskPictureRecorder } from './risk-picture-recorder';
import { RiskPictureQuery } from './risk-picture.query';

const providers = [RiskPictureRecorder, RecordRiskPictureUseCase, RiskPictureQuery, InterimEvaluationPicture];

/**
 * The dossier's risk picture: recorded with the ICO decision and by the casusregisseur, required
 * for the interim evaluation, compared with the start at the afronding. Its ports (repository,
 * audit log, unit of work, clock) come from CoreModule.
 */
@Module({ providers, exports: providers })
export class RiskPictureModule {}
