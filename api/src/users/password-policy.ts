import { BadRequestException, Inject, Injectable } from '@nestjs/common';
import { loadPasswordStrength, passwordProblem, type PasswordProblem, type PasswordStrength } from '@sci/shared';

export const PASSWORD_STRENGTH = Symbol('PASSWORD_STRENGTH');

/** The estimator, loaded once at boot (its dictionaries take ~0.5 s to build). */
export const passwordStrengthProvider = { provide: PASSWORD_STRENGTH, useFactory: loadPasswordStrength };

/** The shared password rule (passwordProblem in @sci/shared) with the strength estimator always on. */
@Injectable()
export class PasswordPolicy {
  constructor(@Inject(PASSWORD_STRENGTH) private readonly strength: PasswordStrength) {}

  problem(password: string, username?: string): PasswordProblem | null {
    return passwordProblem(password, username, this.strength);
  }

  /** 400 WEAK_PASSWORD with the rule's own code as `reason` and both languages' words. */
  assert(password: string, username?: string): void {
    const p = this.problem(password, username);
    if (p) throw new BadRequestException({ code: 'WEAK_PASSWORD', message: p.en, reason: p.code, messageZh: p.zh });
  }
}
