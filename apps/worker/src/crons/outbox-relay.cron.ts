import { BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { CLOCK, Clock } from '@overlegtafels/config';
import { JOBS, MAINTENANCE_ZONE, MaintenanceProducer } from '@overlegtafels/queues';
import { EnqueueTracker } from './enqueue-tracker';

/**
 * Every 30 seconds it enqueues the outbox relay of that slot (RelayOutboxUseCase, run by the
 * maintenance processor: pending rows whose enqueue was lost go to the mail queue). The id is the
 * slot, so the relay runs once per slot however many workers there are.
 */
@Injectable()
export class OutboxRelayCron implements BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxRelayCron.name);
  private readonly enqueues = new EnqueueTracker(this.logger);

  constructor(
    @Inject(MaintenanceProducer) private readonly producer: MaintenanceProducer,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Cron('*/30 * * * * *', { name: 'outbox-relay', timeZone: MAINTENANCE_ZONE })
  relay(): Promise<string | undefined> {
    return this.enqueues.track(
      'outbox relay',
      this.producer.enqueue(JOBS.maintenance.relayOutbox, this.clock.now()),
    );
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.enqueues.idle();
  }
}
