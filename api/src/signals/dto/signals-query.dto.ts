import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';
import {
  SIGNAL_KINDS,
  SIGNAL_SEVERITIES,
  SIGNAL_SORT_KEYS,
  type SignalKind,
  type SignalSeverity,
  type SignalSortKey,
  type SignalsQuery,
} from '@sci/shared';
import {
  TABULAR_FORMATS,
  type TabularFormat,
} from '../../exports/tabular-writer';
import { UnitResultQueryDto } from '../../results/dto/results-query.dto';

/** Filters of the signals list and its export. */
export class SignalsFilterDto extends UnitResultQueryDto {
  @ApiPropertyOptional({ enum: SIGNAL_KINDS })
  @IsOptional()
  @IsIn(SIGNAL_KINDS)
  kind?: SignalKind;

  @ApiPropertyOptional({ description: 'bank_code' })
  @IsOptional()
  @IsString()
  @Length(1, 32)
  bank?: string;

  @ApiPropertyOptional({ description: 'region_code of the city, e.g. 370100' })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'city must be a 6-digit region code' })
  city?: string;

  @ApiPropertyOptional({ enum: SIGNAL_SEVERITIES })
  @IsOptional()
  @IsIn(SIGNAL_SEVERITIES)
  severity?: SignalSeverity;
}

export class SignalsQueryDto extends SignalsFilterDto implements SignalsQuery {
  @ApiPropertyOptional({
    enum: SIGNAL_SORT_KEYS,
    description: 'default severity',
  })
  @IsOptional()
  @IsIn(SIGNAL_SORT_KEYS)
  sort?: SignalSortKey;

  @ApiPropertyOptional({ enum: ['asc', 'desc'] })
  @IsOptional()
  @IsIn(['asc', 'desc'])
  order?: 'asc' | 'desc';

  @ApiPropertyOptional({ default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page?: number;

  @ApiPropertyOptional({ default: 50, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  pageSize?: number;
}

export class SignalsExportQueryDto extends SignalsFilterDto {
  @ApiPropertyOptional({ enum: TABULAR_FORMATS, default: 'csv' })
  @IsOptional()
  @IsIn(TABULAR_FORMATS)
  format?: TabularFormat;
}
