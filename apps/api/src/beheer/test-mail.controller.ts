import { ApiOperation } from '@nestjs/swagger';
import { BadRequestException, Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { SendTestMailUseCase } from '@overlegtafels/application';
import { CurrentPrincipal, Principal, Roles } from '@overlegtafels/auth';
import { isEmailAddress } from '@overlegtafels/mail';

/** A test message through the whole mail pipeline (under /api/admin/mail, as it always was). */
@Controller('api/admin/mail')
export class TestMailController {
  constructor(@Inject(SendTestMailUseCase) private readonly testMail: SendTestMailUseCase) {}

  @Post('test')
  @ApiOperation({ summary: 'Send a test mail to an address, through the outbox like every mail' })
  @HttpCode(202)
  @Roles('admin', 'coordinator')
  async sendTest(@CurrentPrincipal() principal: Principal, @Body() body: Record<string, unknown>) {
    const to = typeof body?.to === 'string' ? body.to.trim() : '';
    if (!isEmailAddress(to)) {
      throw new BadRequestException({ field: 'to', message: 'to: must be an e-mail address' });
    }
    return this.testMail.execute(principal, { to });
  }
}
