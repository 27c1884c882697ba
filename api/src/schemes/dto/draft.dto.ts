import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsObject, IsOptional, IsString, Length, Matches, Min, ValidateNested } from 'class-validator';
import type {
  CreateSchemeDraftRequest,
  PublishSchemeDraftRequest,
  Scheme,
  SimulateDraftRequest,
  UpdateSchemeDraftRequest,
} from '@sci/shared';
import { PERIOD_MESSAGE, PERIOD_PATTERN } from '../../runs/dto/trigger-run.dto';
import { SchemeTitleDto } from './create-scheme.dto';

export class CreateSchemeDraftDto implements CreateSchemeDraftRequest {
  @ApiProperty({ example: '2026 权重调整' })
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiProperty({ example: 'sdtf-2025', description: 'the version the draft starts from' })
  @IsString()
  @Length(1, 32)
  schemeId!: string;

  @ApiProperty({ example: 1 })
  @IsInt()
  @Min(1)
  version!: number;
}

export class UpdateSchemeDraftDto implements UpdateSchemeDraftRequest {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 100)
  name?: string;

  @ApiPropertyOptional({ description: 'every parameter (shape of spec/scheme-sdtf-2025.json); saved even when invalid', type: 'object', additionalProperties: true })
  @IsOptional()
  @IsObject()
  params?: Scheme;
}

export class SimulateDraftDto implements SimulateDraftRequest {
  @ApiProperty({ example: '2025Q4' })
  @Matches(PERIOD_PATTERN, { message: PERIOD_MESSAGE })
  period!: string;
}

export class PublishSchemeDraftDto implements PublishSchemeDraftRequest {
  @ApiProperty({ example: '2026 年起提高科技贷款占比权重' })
  @IsString()
  @Length(3, 1000)
  reason!: string;

  @ApiProperty({ example: '2026Q1' })
  @Matches(PERIOD_PATTERN, { message: PERIOD_MESSAGE })
  effectiveFrom!: string;

  @ApiPropertyOptional({ type: SchemeTitleDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => SchemeTitleDto)
  title?: SchemeTitleDto;
}
