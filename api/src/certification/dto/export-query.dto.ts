import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import {
  TABULAR_FORMATS,
  type TabularFormat,
} from '../../exports/tabular-writer';

export class CertificationExportQueryDto {
  @ApiPropertyOptional({ enum: TABULAR_FORMATS, default: 'csv' })
  @IsOptional()
  @IsIn(TABULAR_FORMATS, {
    message: `format must be one of ${TABULAR_FORMATS.join(', ')}`,
  })
  format?: TabularFormat;
}
