import {
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import type { NatsContext } from '@nestjs/microservices';
import { finalize, tap, type Observable } from 'rxjs';
import { ServiceMetrics, type NatsMessageOutcome } from '../metrics/service-metrics.js';
import { InFlightWork } from './in-flight-work.js';

/**
 * Counts every HTTP request and NATS message as in-flight work until its handler is done, so
 * that shutdown waits for it; NATS messages are also counted in the metrics by outcome.
 */
@Injectable()
export class WorkTrackingInterceptor implements NestInterceptor {
  constructor(
    private readonly inFlight: InFlightWork,
    private readonly metrics: ServiceMetrics,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const done = this.inFlight.begin();
    const handled = next.handle().pipe(finalize(done));
    if (context.getType() !== 'rpc') return handled;

    const subject = context.switchToRpc().getContext<NatsContext>().getSubject();
    const count = (outcome: NatsMessageOutcome) => this.metrics.natsMessages.inc({ subject, outcome });
    return handled.pipe(tap({ complete: () => count('ok'), error: () => count('error') }));
  }
}
