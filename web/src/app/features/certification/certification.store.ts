import { Injectable, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import type { ExerciseResponse } from '@sci/shared';
import { CertificationApiService } from './certification-api.service';

/**
 * The year the certification page shows, shared by its tabs (pipeline, applications, list,
 * histories). Read-only signals out; the page changes the year and asks for reloads.
 */
@Injectable()
export class CertificationStore {
  private readonly api = inject(CertificationApiService);
  private readonly chosenYear = signal<number | null>(null);
  /** bumped after a decision or a step so every tab reloads what it shows */
  private readonly version = signal(0);

  readonly exercisesResource = rxResource({
    params: () => this.version(),
    stream: () => this.api.exercises(),
  });
  readonly exercises = computed<ExerciseResponse[]>(() =>
    this.exercisesResource.hasValue()
      ? (this.exercisesResource.value() ?? [])
      : [],
  );
  /** the chosen year, else the newest exercise */
  readonly year = computed<number | null>(
    () => this.chosenYear() ?? this.exercises()[0]?.year ?? null,
  );
  readonly exercise = computed<ExerciseResponse | null>(
    () => this.exercises().find((e) => e.year === this.year()) ?? null,
  );
  readonly changes = this.version.asReadonly();

  selectYear(year: number): void {
    this.chosenYear.set(year);
  }

  changed(): void {
    this.version.update((v) => v + 1);
  }
}
