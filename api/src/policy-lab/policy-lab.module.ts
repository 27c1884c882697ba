import { Module } from '@nestjs/common';
import { CertificationModule } from '../certification/certification.module';
import { RunsModule } from '../runs/runs.module';
import { SchemesModule } from '../schemes/schemes.module';
import { PolicyLabController } from './policy-lab.controller';
import { PolicyLabService } from './policy-lab.service';

/** The policy lab (issue 12): simulation of scheme drafts against the scheme in force. */
@Module({
  imports: [SchemesModule, RunsModule, CertificationModule],
  controllers: [PolicyLabController],
  providers: [PolicyLabService],
})
export class PolicyLabModule {}
