import { Inject, Injectable } from '@nestjs/common';
import { compare, hash } from 'bcryptjs';
import { AUTH_CONFIG, AuthConfig } from '../core/auth/auth-config';

/** bcrypt hashes of passwords (bcryptjs: pure JS, no native build). */
@Injectable()
export class PasswordHasher {
  /** Compared against when the username is unknown, so that answer takes as long as a wrong password. */
  private dummy: Promise<string> | null = null;

  constructor(@Inject(AUTH_CONFIG) private readonly config: AuthConfig) {}

  hash(password: string): Promise<string> {
    return hash(password, this.config.bcryptRounds);
  }

  verify(password: string, passwordHash: string): Promise<boolean> {
    return compare(password, passwordHash);
  }

  async burn(password: string): Promise<void> {
    this.dummy ??= this.hash('timing-equaliser-0');
    await compare(password, await this.dummy);
  }
}
