import type { ExistingProvider, Type } from '@nestjs/common';

/**
 * Binds a port of the application (an abstract class it injects) to the class that implements it
 * in persistence, mail or queues. Those libs do not import the application, so the compiler checks
 * here, at the one place they meet, that the implementation has the port's shape.
 */
export function bindPort<P>(
  port: abstract new (...args: never[]) => P,
  implementation: Type<P>,
): ExistingProvider {
  return { provide: port, useExisting: implementation };
}
