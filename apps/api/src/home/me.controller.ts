import { ApiOperation } from '@nestjs/swagger';
import { Controller, Get } from '@nestjs/common';
import { Authenticated, CurrentPrincipal, Principal } from '@overlegtafels/auth';

@Controller('api/me')
export class MeController {
  /** Who is logged in, and the CSRF token API clients send back in `X-CSRF-Token` on changes. */
  @Get()
  @ApiOperation({
    summary: 'Who is logged in: person id, region, roles per table, the CSRF token for changes',
  })
  @Authenticated()
  me(@CurrentPrincipal() p: Principal) {
    return {
      personId: p.personId,
      displayName: p.displayName,
      email: p.email,
      grants: p.grants,
      csrfToken: p.csrfToken,
    };
  }
}
