import { Body, Controller, Get, Param, ParseIntPipe, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { SchemeDraftListResponse, SchemeDraftResponse, SchemeResponse } from '@sci/shared';
import { AccessScope, CurrentScope, Roles } from '../core/auth/access-scope';
import { CreateSchemeDraftDto, PublishSchemeDraftDto, UpdateSchemeDraftDto } from './dto/draft.dto';
import { DraftsService } from './drafts.service';

/** Scheme drafts of the policy lab: regulator and admin only (bank users never see drafts). */
@ApiTags('scheme-drafts')
@ApiBearerAuth()
@Roles('regulator', 'admin')
@Controller('scheme-drafts')
export class DraftsController {
  constructor(private readonly drafts: DraftsService) {}

  @Get()
  list(): Promise<SchemeDraftListResponse> {
    return this.drafts.list();
  }

  @Post()
  create(@Body() dto: CreateSchemeDraftDto, @CurrentScope() scope: AccessScope): Promise<SchemeDraftResponse> {
    return this.drafts.create(dto, scope);
  }

  @Get(':id')
  get(@Param('id', ParseIntPipe) id: number): Promise<SchemeDraftResponse> {
    return this.drafts.get(id);
  }

  @Put(':id')
  update(@Param('id', ParseIntPipe) id: number, @Body() dto: UpdateSchemeDraftDto, @CurrentScope() scope: AccessScope): Promise<SchemeDraftResponse> {
    return this.drafts.update(id, dto, scope);
  }

  /** The next version of the draft's scheme, effective from a period (audited, with the reason). */
  @Post(':id/publish')
  publish(@Param('id', ParseIntPipe) id: number, @Body() dto: PublishSchemeDraftDto, @CurrentScope() scope: AccessScope): Promise<SchemeResponse> {
    return this.drafts.publish(id, dto, scope);
  }
}
