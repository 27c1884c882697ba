import type { RunResponse } from '@sci/shared';
import { ScoringRunEntity } from './scoring-run.entity';

export function toRunResponse(r: ScoringRunEntity): RunResponse {
  return {
    id: r.id,
    period: r.period,
    schemeId: r.schemeId,
    schemeVersion: r.schemeVersion,
    fingerprint: r.fingerprint,
    status: r.status,
    error: r.error,
    trigger: r.trigger,
    triggeredBy: r.triggeredBy,
    startedAt: r.startedAt.toISOString(),
    finishedAt: r.finishedAt ? r.finishedAt.toISOString() : null,
    durationMs: r.durationMs,
    published: r.published,
    publishedBy: r.publishedBy,
    publishedAt: r.publishedAt ? r.publishedAt.toISOString() : null,
    unitCount: r.unitCount,
    scoredCount: r.scoredCount,
    stage: r.stage,
    progress: r.progress,
    rowsRead: r.rowsRead ?? 0,
    log: r.log ? r.log.split('\n') : [],
  };
}
