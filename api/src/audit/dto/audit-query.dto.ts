import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

/** GET /api/audit query. from/to: a day (YYYY-MM-DD, `to` inclusive) or an ISO time. */
export class AuditQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) actor?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(48) action?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) target?: string;
  @ApiPropertyOptional({ enum: ['success', 'failure', 'denied'] })
  @IsOptional()
  @IsIn(['success', 'failure', 'denied'])
  outcome?: 'success' | 'failure' | 'denied';
  @ApiPropertyOptional({ example: '2025-01-01' }) @IsOptional() @IsISO8601({ strict: true }) from?: string;
  @ApiPropertyOptional({ example: '2025-12-31' }) @IsOptional() @IsISO8601({ strict: true }) to?: string;
  @ApiPropertyOptional({ default: 1 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1000000) page?: number;
  @ApiPropertyOptional({ default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) pageSize?: number;
}
