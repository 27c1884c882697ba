import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { UnitResultQueryDto } from '../results/dto/results-query.dto';

export class ReportQueryDto extends UnitResultQueryDto {
  @ApiPropertyOptional({ enum: ['zh', 'en'], default: 'zh' })
  @IsOptional()
  @IsIn(['zh', 'en'])
  lang?: 'zh' | 'en';
}
