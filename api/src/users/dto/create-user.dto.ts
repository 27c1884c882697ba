import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES } from '@sci/shared';
import type { CreateUserRequest, Role } from '@sci/shared';
import { IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';

const CODE = /^[A-Za-z0-9_-]{1,32}$/;

export class CreateUserDto implements CreateUserRequest {
  @ApiProperty({ example: 'icbc_jinan' })
  @IsString()
  @Matches(/^[A-Za-z0-9_.-]{3,64}$/, { message: 'username must be 3-64 letters, digits, _ . or -' })
  username!: string;

  @ApiProperty({ description: 'at least 10 characters with letters and digits' })
  @IsString()
  @MaxLength(128)
  password!: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES as unknown as string[])
  role!: Role;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  displayName?: string;

  @ApiPropertyOptional({ description: 'bank_hq: the code of its bank (the head unit)' })
  @IsOptional()
  @Matches(CODE, { message: 'bankCode must be a unit code (1-32 letters, digits, _ or -)' })
  bankCode?: string;

  @ApiPropertyOptional({ description: 'branch: the root unit of its subtree' })
  @IsOptional()
  @Matches(CODE, { message: 'unitCode must be a unit code (1-32 letters, digits, _ or -)' })
  unitCode?: string;
}
