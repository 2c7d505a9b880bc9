import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuditService } from './audit.service';
import { AuthGuard } from './auth.guard';
import { SessionService } from './session.service';

@Global()
@Module({
  providers: [SessionService, AuditService, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [SessionService, AuditService],
})
export class AuthModule {}
