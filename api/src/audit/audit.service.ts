import { Inject, Injectable } from '@nestjs/common';
import type { AuditEntryResponse, AuditOutcome, AuditPageResponse } from '@sci/shared';
import { EntityManager } from 'typeorm';
import type { AccessScope } from '../core/auth/access-scope';
import type { AuditLogEntity } from './audit-log.entity';
import { AuditRepository } from './audit.repository';
import { AuditQueryDto } from './dto/audit-query.dto';

/**
 * What happened, for AuditService.record. Give `scope` (the caller's AccessScope: actor, role and
 * address come from it) or, where there is no signed-in caller (failed login, scheduler),
 * `actor` (+ `role`, `ip`).
 */
export interface AuditEntryInput {
  scope?: AccessScope;
  actor?: string;
  role?: string | null;
  ip?: string | null;
  /** e.g. 'run.published' (see AUDIT_ACTIONS in @sci/shared) */
  action: string;
  /** what it was about, e.g. 'run:2025Q4', 'import:7', 'user:3', 'unit:ICBC-370100' */
  target?: string | null;
  /** small JSON-able facts (counts, codes, reasons), never secrets such as passwords */
  detail?: Record<string, unknown> | null;
  outcome?: AuditOutcome;
}

const MAX_DETAIL_CHARS = 8000;

function clip(s: string | null | undefined, n: number): string | null {
  if (s === null || s === undefined) return null;
  return s.length > n ? s.slice(0, n) : s;
}

export function toAuditEntryResponse(r: AuditLogEntity): AuditEntryResponse {
  let detail: Record<string, unknown> | null = null;
  if (r.detail) {
    try {
      detail = JSON.parse(r.detail) as Record<string, unknown>;
    } catch {
      detail = { text: r.detail };
    }
  }
  return {
    id: r.id,
    at: r.at.toISOString(),
    actor: r.actor,
    role: r.role,
    action: r.action,
    target: r.target,
    detail,
    ip: r.ip,
    outcome: r.outcome as AuditOutcome,
  };
}

/** Day-only `to` filters include the whole day. */
function parseBound(value: string, end: boolean): Date {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const d = new Date(`${value}T00:00:00.000Z`);
    return end ? new Date(d.getTime() + 86400000) : d;
  }
  return new Date(value);
}

/** The audit log, for every feature: inject AuditService (AuditModule is global) and call record(). */
@Injectable()
export class AuditService {
  constructor(@Inject(AuditRepository) private readonly repo: AuditRepository) {}

  /**
   * Appends an entry. Pass the EntityManager of a running transaction to make the entry part of
   * it (e.g. an import that must not be logged as done when it rolled back).
   */
  async record(e: AuditEntryInput, manager?: EntityManager): Promise<void> {
    let detail: string | null = null;
    if (e.detail) {
      detail = JSON.stringify(e.detail);
      if (detail.length > MAX_DETAIL_CHARS) detail = JSON.stringify({ truncated: detail.slice(0, MAX_DETAIL_CHARS - 100) });
    }
    await this.repo.append(
      {
        at: new Date(),
        actor: clip(e.scope?.user.username ?? e.actor ?? 'system', 64) as string,
        role: clip(e.scope?.user.role ?? e.role ?? null, 16),
        action: clip(e.action, 48) as string,
        target: clip(e.target ?? null, 200),
        detail,
        ip: clip(e.scope?.ip ?? e.ip ?? null, 64),
        outcome: e.outcome ?? 'success',
      },
      manager,
    );
  }

  async search(q: AuditQueryDto): Promise<AuditPageResponse> {
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 50;
    const { rows, total } = await this.repo.search({
      actor: q.actor,
      action: q.action,
      target: q.target,
      outcome: q.outcome,
      from: q.from ? parseBound(q.from, false) : undefined,
      to: q.to ? parseBound(q.to, true) : undefined,
      offset: (page - 1) * pageSize,
      limit: pageSize,
    });
    return { items: rows.map(toAuditEntryResponse), total, page, pageSize };
  }
}
