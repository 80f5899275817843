import { Global, Module } from '@nestjs/common';
import { CLOCK, systemClock } from './clock.js';

/** Provides the system clock to every module of the service. */
@Global()
@Module({
  providers: [{ provide: CLOCK, useValue: systemClock }],
  exports: [CLOCK],
})
export class ClockModule {}
