import { Module } from '@nestjs/common';
import { SignalDataRepository } from './signal-data.repository';
import { SignalsComputer } from './signals-computer';
import { SignalsRepository } from './signals.repository';

/** The computation side of signals, imported by the runs feature (it computes after each run). */
@Module({
  providers: [SignalDataRepository, SignalsRepository, SignalsComputer],
  exports: [SignalDataRepository, SignalsRepository, SignalsComputer],
})
export class SignalsCoreModule {}
