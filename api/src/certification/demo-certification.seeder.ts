import { Injectable, Logger } from '@nestjs/common';
import { systemScope } from '../core/auth/scope';
import { RunsService } from '../runs/runs.service';
import {
  CertificationEvaluationService,
  fourthQuarter,
} from './certification-evaluation.service';
import { CertificationExerciseService } from './certification-exercise.service';
import { CertificationRepository } from './certification.repository';

const DEMO = 'demo';

/**
 * Demo seeding step (after the runs): the latest year with a published fourth quarter is
 * evaluated and waits for the regulator's decisions, and the next year's window is open for
 * the bank HQ users' applications. Only on a database that has no exercise yet.
 */
@Injectable()
export class DemoCertificationSeeder {
  private readonly logger = new Logger(DemoCertificationSeeder.name);

  constructor(
    private readonly repo: CertificationRepository,
    private readonly exercises: CertificationExerciseService,
    private readonly evaluation: CertificationEvaluationService,
    private readonly runs: RunsService,
  ) {}

  async seed(): Promise<number | null> {
    if ((await this.repo.listExercises()).length) return null;
    const years = [...(await this.runs.latestPublished()).keys()]
      .filter((p) => p.endsWith('Q4'))
      .map((p) => Number(p.slice(0, 4)));
    if (!years.length) return null;
    const year = Math.max(...years);
    const scope = systemScope(DEMO);
    await this.exercises.open(scope, year);
    await this.exercises.close(scope, year);
    const ex = await this.evaluation.evaluate(scope, year);
    await this.exercises.open(scope, year + 1);
    this.logger.log(
      `demo seeding: certification ${year} evaluated (${ex.counts.evaluated} units, ${fourthQuarter(year)}), ${year + 1} window open`,
    );
    return year;
  }
}
