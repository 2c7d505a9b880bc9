import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeEndpoint } from '@nestjs/swagger';
import { Authenticated } from '@overlegtafels/auth';
import { confidentialityNotice } from '@overlegtafels/mail';

/** A CSS string literal: backslashes and quotes escaped, line ends as CSS escapes. */
function cssString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n/g, '\\A ')}"`;
}

/**
 * The printed pages' margin boxes: the mails' confidentiality notice at the foot of every page,
 * with "Pagina i van n". Served rather than static so the words come from the mail templates.
 */
@Controller('print')
export class PrintStyleController {
  private readonly css = [
    '@media print {',
    '  @page {',
    '    @bottom-left {',
    `      content: ${cssString(confidentialityNotice().document)};`,
    '      font: 7pt/1.3 system-ui, sans-serif;',
    '      color: #333;',
    '      vertical-align: top;',
    '      padding-top: 3mm;',
    '    }',
    '    @bottom-right {',
    '      content: "Pagina " counter(page) " van " counter(pages);',
    '      font: 7pt system-ui, sans-serif;',
    '      color: #333;',
    '      width: 28mm;',
    '      text-align: right;',
    '      vertical-align: top;',
    '      padding-top: 3mm;',
    '    }',
    '  }',
    '}',
    '',
  ].join('\n');

  @Get('vertrouwelijk.css')
  @Authenticated()
  @ApiExcludeEndpoint()
  @Header('Content-Type', 'text/css; charset=utf-8')
  style(): string {
    return this.css;
  }
}
