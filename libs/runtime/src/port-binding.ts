import type { ExistingProvider, Type } from '@nestjs/common';

/**
 * Binds a port of the application (an abstract class it injects) to the class that implements it.
 * Persistence stands above the application and declares `implements Port`; mail and queues stand
 * below it (the application uses them), so for their classes the compiler checks here, at the
 * one place they meet, that the implementation has the port's shape.
 */
export function bindPort<P>(
  port: abstract new (...args: never[]) => P,
  implementation: Type<P>,
): ExistingProvider {
  return { provide: port, useExisting: implementation };
}
