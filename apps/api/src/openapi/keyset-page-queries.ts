import { applyDecorators } from '@nestjs/common';
import { ApiQuery } from '@nestjs/swagger';

/** The query parameters of every keyset-paged list (libs/application's paging), for the API docs. */
export function KeysetPageQueries(): MethodDecorator {
  return applyDecorators(
    ApiQuery({
      name: 'after',
      required: false,
      description: 'the `next` of the page before: the next fifty',
    }),
    ApiQuery({
      name: 'before',
      required: false,
      description: 'the `previous` of the page after: the fifty before',
    }),
    ApiQuery({ name: 'limit', required: false, description: 'rows a page, 1–200 (50)' }),
  );
}
