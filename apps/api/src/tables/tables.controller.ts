import { ApiOperation } from '@nestjs/swagger';
import {
  BadRequestException,
  Controller,
  Get,
  HttpException,
  Inject,
  NotFoundException,
  Param,
  Query,
} from '@nestjs/common';
import { TableCalendarService, TableQueryError } from '@overlegtafels/application';
import { Authenticated } from '@overlegtafels/auth';

function toHttp(error: unknown): never {
  if (error instanceof TableQueryError) {
    const body = { field: error.field, code: error.code, message: error.message };
    throw error.kind === 'not_found' ? new NotFoundException(body) : new BadRequestException(body);
  }
  throw error;
}

/** The tables' rules and calendar: no case data, so any logged-in person may read them. */
@Controller('api/tables')
export class TablesController {
  constructor(@Inject(TableCalendarService) private readonly tables: TableCalendarService) {}

  @Get()
  @ApiOperation({ summary: 'The region’s tables with their rhythm and item types' })
  @Authenticated()
  list() {
    const region = this.tables.region;
    return {
      region: region.key,
      tables: region.tables.map((t) => ({
        key: t.key,
        name: t.name,
        timeZone: t.timeZone,
        recurrence: t.recurrence,
        hours: t.hours,
        capacityMinutes: t.capacityMinutes,
        submissionDeadline: t.submissionDeadline,
        freeze: t.freeze,
        agendaSend: t.agendaSend,
        itemTypes: t.itemTypes,
        participants: t.participants,
      })),
    };
  }

  @Get(':key/sessions')
  @ApiOperation({ summary: 'A table’s sessions in a period, with deadlines, state and how full they are' })
  @Authenticated()
  async sessions(@Param('key') key: string, @Query('from') from?: string, @Query('to') to?: string) {
    try {
      return { table: key, sessions: await this.tables.sessions(key, from, to) };
    } catch (error) {
      toHttp(error);
    }
  }

  @Get(':key/placement')
  @ApiOperation({
    summary: 'Which session an agendering submitted at a moment would land on, and its deadline',
  })
  @Authenticated()
  async placement(
    @Param('key') key: string,
    @Query('submittedAt') submittedAt?: string,
    @Query('type') type?: string,
  ) {
    let result;
    try {
      result = await this.tables.placement(key, submittedAt, type);
    } catch (error) {
      toHttp(error);
    }
    if (result.ok) return result.view;
    const { code, field, message } = result.error;
    const status = code === 'NO_SESSION_IN_RANGE' ? 422 : 400;
    throw new HttpException({ field, code, message }, status);
  }
}
