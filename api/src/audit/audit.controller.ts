import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { AuditPageResponse } from '@sci/shared';
import { Roles } from '../core/auth/access-scope';
import { AuditService } from './audit.service';
import { AuditQueryDto } from './dto/audit-query.dto';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(@Inject(AuditService) private readonly audit: AuditService) {}

  /** Newest first. Read-only: the log has no update or delete endpoint. */
  @Get()
  @Roles('regulator', 'admin')
  @ApiOkResponse({ description: 'a page of audit entries' })
  search(@Query() q: AuditQueryDto): Promise<AuditPageResponse> {
    return this.audit.search(q);
  }
}
