import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Length, Matches, Min } from 'class-validator';
import type { TriggerRunRequest } from '@sci/shared';

export const PERIOD_PATTERN = /^\d{4}Q[1-4]$/;
export const PERIOD_MESSAGE = 'period must look like 2025Q4';

export class TriggerRunDto implements TriggerRunRequest {
  @ApiProperty({ example: '2025Q4' })
  @Matches(PERIOD_PATTERN, { message: PERIOD_MESSAGE })
  period!: string;

  @ApiPropertyOptional({ example: 'sdtf-2025', description: 'default: the default scheme version' })
  @IsOptional()
  @IsString()
  @Length(1, 32)
  schemeId?: string;

  @ApiPropertyOptional({ example: 1, description: 'needs schemeId; default: the latest version of schemeId' })
  @IsOptional()
  @IsInt()
  @Min(1)
  schemeVersion?: number;
}

export class RunListQueryDto {
  @ApiPropertyOptional({ example: '2025Q4' })
  @IsOptional()
  @Matches(PERIOD_PATTERN, { message: PERIOD_MESSAGE })
  period?: string;
}
