import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, IsOptional, IsString, Length, Matches, ValidateNested } from 'class-validator';
import type { CreateSchemeRequest, SchemeTitle } from '@sci/shared';

export class SchemeTitleDto implements SchemeTitle {
  @ApiProperty({ example: '山东科技金融服务效果评估（2026）' })
  @IsString()
  @Length(1, 100)
  zh!: string;

  @ApiProperty({ example: 'Shandong sci-tech finance evaluation (2026)' })
  @IsString()
  @Length(1, 200)
  en!: string;
}

export class CreateSchemeDto implements CreateSchemeRequest {
  @ApiProperty({ example: 'sdtf-2025', description: 'scheme id; a new id starts at version 1' })
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9-]{0,31}$/, { message: 'schemeId must be 1-32 lower-case letters, digits or dashes' })
  schemeId!: string;

  @ApiPropertyOptional({ type: SchemeTitleDto, description: 'defaults to the title in params' })
  @IsOptional()
  @ValidateNested()
  @Type(() => SchemeTitleDto)
  title?: SchemeTitleDto;

  @ApiProperty({ description: 'every parameter of the scheme (shape of spec/scheme-sdtf-2025.json)', type: 'object', additionalProperties: true })
  @IsObject()
  params!: CreateSchemeRequest['params'];
}
