import { Injectable } from '@nestjs/common';
import {
  CLASS_CODES,
  CLASS_NAMES,
  CLASS_UNITS,
  classSentence,
  explainSummary,
  type ClassFacts,
  type ExplainQualitativeBlock,
  type ExplainResponse,
  type Flag,
  type PeerBest,
  type Scheme,
} from '@sci/shared';
import type { AccessScope } from '../core/auth/access-scope';
import { UnitScopeRepository } from '../core/auth/unit-scope.repository';
import { toRunResponse } from '../runs/run-response';
import { flagsOf, gradeOf, ResultDetail } from '../runs/run-result-row';
import { RunsService } from '../runs/runs.service';
import { ScoringDataRepository } from '../runs/scoring-data.repository';
import { SchemesService } from '../schemes/schemes.service';
import { UnitResultQueryDto } from './dto/results-query.dto';
import { flagText } from './explain-text';
import { valuesOf } from './result-response';
import { ResultsRepository, StoredResult } from './results.repository';
import { notFoundUnit } from './results.service';

const TOP_BORROWERS = 10;
/** docs/access.md: a group's min/max leave the API only when it has at least this many scored units. */
const MIN_DISCLOSED_GROUP = 5;
const FEN_PER_YUAN = 100;

/**
 * Why a unit got its score: every class's value with numerator and denominator, peer set size,
 * H, trend mean m and V, the points; flags in words; where qualitative scores came from; and the
 * borrowers behind K1. Built from the run's stored detail and the run's own scheme version.
 */
@Injectable()
export class ExplainService {
  constructor(
    private readonly runs: RunsService,
    private readonly results: ResultsRepository,
    private readonly schemes: SchemesService,
    private readonly data: ScoringDataRepository,
    private readonly units: UnitScopeRepository,
  ) {}

  async explain(scope: AccessScope, code: string, q: UnitResultQueryDto): Promise<ExplainResponse> {
    const run = await this.runs.resolveResultsRun(scope, q.period, q.runId);
    const row = await this.results.one(run.id, code, scope);
    if (!row) throw notFoundUnit();
    const { scheme } = await this.schemes.resolve(run.schemeId, run.schemeVersion);
    const detail = JSON.parse((row as unknown as { detail: string }).detail) as ResultDetail;
    const borrowers = row.scored === 1 ? await this.data.topTechBorrowers(code, run.period, TOP_BORROWERS) : [];
    const techBalance = row.k1 ?? 0;
    const flags = flagsOf(row.flags);
    const facts = CLASS_CODES.map((c) => classFacts(c, detail, scheme));
    const grade = gradeOf(row.grade);
    const peerBest = row.scored === 1 ? await this.peerBest(run.id, row, scheme) : {};
    return {
      run: toRunResponse(run),
      code: row.code,
      name: row.name,
      level: row.level as ExplainResponse['level'],
      peerGroup: row.peer_group as ExplainResponse['peerGroup'],
      bankCode: row.bank_code,
      scored: row.scored === 1,
      classes: facts.map((c) => ({ ...c, why: classSentence(c, { scheme, nplRatioAll: detail.nplRatioAll, flags }) })),
      quantitative: row.quantitative,
      qualitative: row.qualitative,
      composite: row.composite,
      grade,
      rankLevel: row.rank_level,
      rankPeer: row.rank_peer,
      rankBank: row.rank_bank,
      flags: flags.map((f) => flagText(f, scheme)),
      nplRatioAll: detail.nplRatioAll,
      allBorrowers: detail.allBorrowers,
      qualitativeBlocks: await this.qualitativeBlocks(scope, detail, scheme),
      topBorrowers: borrowers.map((b) => {
        const balance = b.balanceFen / FEN_PER_YUAN;
        return { uscc: b.uscc, name: b.name, balance, share: techBalance > 0 ? (100 * balance) / techBalance : 0, loanCount: b.loanCount };
      }),
      summary: row.scored === 1
        ? explainSummary(facts, { scheme, composite: row.composite, grade, flags, peerBest, nplRatioAll: detail.nplRatioAll })
        : { improvements: [], nextGrade: null },
    };
  }

  /**
   * The best value of each class in the unit's peer set P(u) (the target for full peer marks):
   * only for a set large enough to disclose its extremes.
   */
  private async peerBest(runId: number, row: StoredResult, scheme: Scheme): Promise<PeerBest> {
    const small = (row.flags.split(';') as Flag[]).includes('SMALL_PEER_GROUP');
    const peers = await this.results.scoredPopulation(runId, row.level, small ? null : row.peer_group);
    const out: PeerBest = {};
    for (const c of CLASS_CODES) {
      const p = scheme.classes[c];
      if (p.method !== 'peer_trend') continue;
      const xs = peers.map((u) => valuesOf(u)[c]).filter((v): v is number => v !== null);
      const best = xs.reduce((a, b) => (p.better === 'lower' ? Math.min(a, b) : Math.max(a, b)), xs[0]);
      out[c] = xs.length < MIN_DISCLOSED_GROUP ? null : best;
    }
    return out;
  }

  /** Source units outside the caller's scope are not named (a branch's parent belongs to its bank, not to it). */
  private async qualitativeBlocks(scope: AccessScope, detail: ResultDetail, scheme: Scheme): Promise<ExplainQualitativeBlock[]> {
    const sources = [...new Set(detail.qualitativeBlocks.map((b) => b.sourceCode).filter((c): c is string => !!c))];
    const visible = new Set<string>();
    for (const c of sources) if (await this.units.isVisible(scope, c)) visible.add(c);
    const names = await this.results.names([...visible]);
    const max = scheme.qualitative.max_points;
    return detail.qualitativeBlocks.map((b) => {
      const weight = scheme.qualitative.blocks[b.block];
      const shown = b.sourceCode !== null && visible.has(b.sourceCode);
      return {
        block: b.block,
        score: b.score,
        weight,
        points: b.score === null ? 0 : (max * weight * b.score) / 100,
        sourceCode: shown ? b.sourceCode : null,
        sourceName: shown ? (names.get(b.sourceCode as string) ?? null) : null,
        sourceYear: b.sourceYear,
        inherited: b.inherited,
      };
    });
  }
}

function classFacts(c: (typeof CLASS_CODES)[number], detail: ResultDetail, scheme: Scheme): ClassFacts {
  const r = detail.classes[c];
  const p = scheme.classes[c];
  return {
    code: c,
    name: CLASS_NAMES[c],
    unit: CLASS_UNITS[c],
    method: p.method,
    better: p.method === 'peer_trend' ? p.better : p.method === 'npl_band' ? 'lower' : 'higher',
    value: r.value,
    numerator: r.numerator,
    denominator: r.denominator,
    weight: r.weight,
    f: r.f,
    points: r.score,
    peerSize: r.peerSize ?? null,
    H: r.H ?? null,
    P: r.P ?? null,
    m: r.m ?? null,
    V: r.V ?? null,
    trendValues: r.trendValues ?? [],
  };
}
