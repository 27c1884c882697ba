import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import {
  CLASS_CODES,
  comparePeriods,
  shiftPeriod,
  type BankSummaryResponse,
  type ClassCode,
  type PeerClassStats,
  type ResultsPageResponse,
  type RunDiffResponse,
  type UnitResultDetailResponse,
} from '@sci/shared';
import type { AccessScope } from '../core/auth/access-scope';
import { UnitScopeRepository } from '../core/auth/unit-scope.repository';
import { toRunResponse } from '../runs/run-response';
import { RunsService } from '../runs/runs.service';
import { distributionOf, medianOf } from './distribution';
import { ResultsQueryDto, UnitResultQueryDto } from './dto/results-query.dto';
import { scoresOf, toHistoryPoint, toUnitResultItem, valuesOf } from './result-response';
import { ResultsRepository, StoredResult } from './results.repository';
import { diffRuns } from './run-diff';

const DEFAULT_PAGE_SIZE = 50;
const LEVEL_ORDER: Record<string, number> = { head: 0, city: 1, outlet: 2 };

/** The requested code is not echoed: a caller must not learn from us that another bank's unit exists. */
export function notFoundUnit(): NotFoundException {
  return new NotFoundException({ code: 'UNIT_NOT_FOUND', message: 'this unit has no result in the run, or you may not see it' });
}

/**
 * Results of runs: lists, a unit's detail, the bank view and diffs. Every read goes through the
 * caller's scope; statistics about other banks' units leave only as aggregates.
 */
@Injectable()
export class ResultsService {
  constructor(
    private readonly runs: RunsService,
    private readonly results: ResultsRepository,
    private readonly units: UnitScopeRepository,
  ) {}

  async list(scope: AccessScope, q: ResultsQueryDto): Promise<ResultsPageResponse> {
    const run = await this.runs.resolveResultsRun(scope, q.period, q.runId);
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? DEFAULT_PAGE_SIZE;
    const sort = q.sort ?? 'rankLevel';
    const order = q.order ?? 'asc';
    const { rows, total } = await this.results.page(
      run.id,
      scope,
      { level: q.level, peerGroup: q.peerGroup, bank: q.bank, city: q.city, grade: q.grade, flag: q.flag, q: q.q },
      q.sort ?? null,
      order,
      (page - 1) * pageSize,
      pageSize,
    );
    const previous = await this.previousRanks(run.period, rows.map((r) => r.code));
    return {
      run: toRunResponse(run),
      items: rows.map((r) => toUnitResultItem(r, previous.get(r.code) ?? null)),
      total,
      page,
      pageSize,
      sort,
      order,
    };
  }

  /** rank_level of units in the latest published run of the quarter before `period`. */
  private async previousRanks(period: string, codes: string[]): Promise<Map<string, number | null>> {
    const prev = (await this.runs.latestPublished()).get(shiftPeriod(period, 1));
    return prev ? this.results.rankLevels(prev.id, codes) : new Map();
  }

  async detail(scope: AccessScope, code: string, q: UnitResultQueryDto): Promise<UnitResultDetailResponse> {
    const run = await this.runs.resolveResultsRun(scope, q.period, q.runId);
    const row = await this.results.one(run.id, code, scope);
    if (!row) throw notFoundUnit();
    const published = await this.runs.latestPublished();
    const historyRuns = new Map([...published].filter(([p]) => comparePeriods(p, run.period) < 0).map(([p, r]) => [p, r.id]));
    historyRuns.set(run.period, run.id);
    const history = (await this.results.ofUnit(code, [...historyRuns.values()])).sort((a, b) => comparePeriods(a.period, b.period));
    const prev = published.get(shiftPeriod(run.period, 1));
    const peerSet = row.scored === 1 ? await this.peerSetOf(run.id, row) : [];
    const peers = Object.fromEntries(
      CLASS_CODES.map((c): [ClassCode, PeerClassStats] => [
        c,
        { values: distributionOf(peerSet.map((p) => valuesOf(p)[c])), scoreMedian: medianOf(peerSet.map((p) => scoresOf(p)[c])) },
      ]),
    ) as Record<ClassCode, PeerClassStats>;
    const prevRank = prev ? ((await this.results.rankLevels(prev.id, [code])).get(code) ?? null) : null;
    return {
      run: toRunResponse(run),
      result: toUnitResultItem(row, prevRank),
      history: history.map(toHistoryPoint),
      peerSetSize: peerSet.length,
      peers,
      peerCompositeMedian: medianOf(peerSet.map((p) => p.composite)),
    };
  }

  /** P(u) as the engine used it: the unit's peer group at its level, or the whole level when small. */
  private peerSetOf(runId: number, row: StoredResult): Promise<StoredResult[]> {
    const small = row.flags.split(';').includes('SMALL_PEER_GROUP');
    return this.results.scoredPopulation(runId, row.level, small ? null : row.peer_group);
  }

  async bankSummary(scope: AccessScope, bankCode: string, q: UnitResultQueryDto): Promise<BankSummaryResponse> {
    const visible = await this.units.findVisible(scope, bankCode);
    // a branch sees its subtree, not its whole bank; other banks do not exist for the caller
    if (!visible || visible.level !== 'head' || scope.user.role === 'branch') {
      throw new NotFoundException({ code: 'BANK_NOT_FOUND', message: 'no such bank, or you may not see it' });
    }
    const run = await this.runs.resolveResultsRun(scope, q.period, q.runId);
    const rows = await this.results.all(run.id, scope, { bank: bankCode });
    const head = rows.find((r) => r.code === bankCode && r.scored === 1) ?? null;
    const heads = await this.results.scoredPopulation(run.id, 'head', null);
    const peerHeads = head ? heads.filter((h) => h.peer_group === head.peer_group) : [];
    const name = (await this.results.names([bankCode])).get(bankCode) ?? bankCode;
    rows.sort(
      (a, b) =>
        LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] ||
        (a.rank_bank ?? Infinity) - (b.rank_bank ?? Infinity) ||
        (a.code < b.code ? -1 : 1),
    );
    return {
      run: toRunResponse(run),
      bankCode,
      bankName: name,
      head: head
        ? {
            code: head.code,
            name: head.name,
            peerGroup: head.peer_group as BankSummaryResponse['units'][number]['peerGroup'],
            composite: head.composite,
            grade: toUnitResultItem(head).grade,
            rankPeer: head.rank_peer,
            peerGroupSize: peerHeads.length,
            rankLevel: head.rank_level,
            levelSize: heads.length,
          }
        : null,
      peerComposite: distributionOf(peerHeads.map((h) => h.composite)),
      peerScoreMedians: Object.fromEntries(CLASS_CODES.map((c) => [c, medianOf(peerHeads.map((h) => scoresOf(h)[c]))])) as Record<ClassCode, number | null>,
      units: rows.map((r) => ({ ...toUnitResultItem(r), rankInBank: r.rank_bank })),
    };
  }

  async diff(scope: AccessScope, a: number, b: number): Promise<RunDiffResponse> {
    const [runA, runB] = [await this.runs.getVisible(scope, a), await this.runs.getVisible(scope, b)];
    for (const r of [runA, runB]) {
      if (r.status !== 'succeeded') throw new ConflictException({ code: 'RUN_NOT_SUCCEEDED', params: { id: r.id }, message: `run ${r.id} is ${r.status}; it has no results` });
    }
    const { units, unchangedCount } = diffRuns(await this.results.all(a, scope), await this.results.all(b, scope));
    return { a: toRunResponse(runA), b: toRunResponse(runB), units, unchangedCount };
  }
}
