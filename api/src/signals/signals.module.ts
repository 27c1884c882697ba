import { Module } from '@nestjs/common';
import { RunsModule } from '../runs/runs.module';
import { SchemesModule } from '../schemes/schemes.module';
import { SignalsController } from './signals.controller';
import { SignalsCoreModule } from './signals-core.module';
import { SignalsService } from './signals.service';

@Module({
  imports: [RunsModule, SchemesModule, SignalsCoreModule],
  controllers: [SignalsController],
  providers: [SignalsService],
})
export class SignalsModule {}
