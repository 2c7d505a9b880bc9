import { Body, Controller, Get, Headers, HttpCode, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  ChangeDecisionSchema,
  ChangeDecisionUseCase,
  DecisionWithdrawalQuery,
  parseInput,
  Viewer,
  WithdrawDecisionSchema,
  WithdrawDecisionUseCase,
} from '@overlegtafels/application';
import { Roles } from '@overlegtafels/auth';
import { jsonSchemaOf } from '../openapi/json-schema';
import { CurrentViewer } from '../web/current-viewer.decorator';
import { IdempotencyKeyHeader, idempotencyKey } from '../web/submission-key';

const badInput = {
  description: 'Bad input: `{ statusCode, field, code, message, errors: [{ field, code, message }] }`',
};
const notFound = {
  description: 'No such agendapunt for this coordinator (another region, or a table they do not coordinate)',
};
const builtUpon = {
  description:
    'Refused: `{ statusCode, code, message }` with `NO_DECISION`, `DECISION_NOT_STANDING`, ' +
    '`DECISION_WITHOUT_HISTORY` or `DECISION_BUILT_UPON` (a later decision or agendering, a follow-up ' +
    'done, or the dossier changed since); the message says why in Dutch',
};

/**
 * A decision withdrawn or changed, with a reason: its effects follow (the dossier back as before
 * it, what it planned cancelled, whoever it told told again). The same use cases as the agenda page.
 */
@ApiTags('agenda')
@Controller('api')
export class DecisionHistoryApiController {
  constructor(
    @Inject(WithdrawDecisionUseCase) private readonly withdrawal: WithdrawDecisionUseCase,
    @Inject(ChangeDecisionUseCase) private readonly change: ChangeDecisionUseCase,
    @Inject(DecisionWithdrawalQuery) private readonly preview: DecisionWithdrawalQuery,
  ) {}

  @Get('agenda-items/:id/decision/withdrawal')
  @Roles('coordinator')
  @ApiOperation({
    summary: 'What withdrawing the decision on an item would undo, or why it may no longer be withdrawn',
  })
  @ApiResponse({
    status: 200,
    description:
      '`{ itemId, sessionId, dossierCode, tableName, decisionLabel, decidedAt, refusal, phaseNow, ' +
      'phaseAfter, endsAppointment, withdrawsFollowUp, told }` (`refusal` null when it may be withdrawn)',
  })
  @ApiResponse({ status: 404, ...notFound })
  async withdrawalPreview(@CurrentViewer() actor: Viewer, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.preview.execute(actor, id);
  }

  @Post('agenda-items/:id/decision/withdraw')
  @Roles('coordinator')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Withdraw the decision on an item, with a reason: the dossier returns to its state before it, ' +
      'its obligations are cancelled, whoever it told is told, the item awaits a decision again',
  })
  @ApiBody({ schema: jsonSchemaOf(WithdrawDecisionSchema) })
  @ApiResponse({ status: 200, description: '`{ decisionId, dossierCode, phase }` (the withdrawn decision)' })
  @ApiResponse({ status: 400, ...badInput })
  @ApiResponse({ status: 404, ...notFound })
  @ApiResponse({ status: 409, ...builtUpon })
  @IdempotencyKeyHeader()
  async withdraw(
    @CurrentViewer() actor: Viewer,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: unknown,
    @Headers('idempotency-key') key: string | undefined,
  ) {
    const submissionKey = idempotencyKey(key);
    const { reason } = parseInput(WithdrawDecisionSchema, body);
    return this.withdrawal.execute({ actor, itemId: id, reason, ...(submissionKey && { submissionKey }) });
  }

  @Post('agenda-items/:id/decision/replace')
  @Roles('coordinator')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Change the decision on an item (another kind or other fields), with a reason: the old one is ' +
      'withdrawn with its effects and the new one applied with its own, in one transaction',
  })
  @ApiBody({ schema: jsonSchemaOf(ChangeDecisionSchema) })
  @ApiResponse({
    status: 200,
    description: '`{ decisionId, replacedDecisionId, dossierCode, phase, followUpItemId? }`',
  })
  @ApiResponse({ status: 400, ...badInput })
  @ApiResponse({ status: 404, ...notFound })
  @ApiResponse({ status: 409, ...builtUpon })
  @ApiResponse({ status: 422, description: 'The new decision is refused by the rules: `{ code, message, field? }`' })
  @IdempotencyKeyHeader()
  async replace(
    @CurrentViewer() actor: Viewer,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: unknown,
    @Headers('idempotency-key') key: string | undefined,
  ) {
    const submissionKey = idempotencyKey(key);
    const { reason, decision } = parseInput(ChangeDecisionSchema, body);
    return this.change.execute({ actor, itemId: id, reason, decision, ...(submissionKey && { submissionKey }) });
  }
}
