import { Body, Controller, Get, Param, ParseIntPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { SchemeListResponse, SchemeResponse } from '@sci/shared';
import { AccessScope, CurrentScope, Roles } from '../core/auth/access-scope';
import { CreateSchemeDto } from './dto/create-scheme.dto';
import { SchemesService } from './schemes.service';

@ApiTags('schemes')
@ApiBearerAuth()
@Controller('schemes')
export class SchemesController {
  constructor(private readonly schemes: SchemesService) {}

  @Get()
  list(): Promise<SchemeListResponse> {
    return this.schemes.list();
  }

  @Get(':schemeId/:version')
  get(@Param('schemeId') schemeId: string, @Param('version', ParseIntPipe) version: number): Promise<SchemeResponse> {
    return this.schemes.get(schemeId, version);
  }

  @Post()
  @Roles('admin')
  create(@Body() dto: CreateSchemeDto, @CurrentScope() scope: AccessScope): Promise<SchemeResponse> {
    return this.schemes.create(dto, scope);
  }
}
