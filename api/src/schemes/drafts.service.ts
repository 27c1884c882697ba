import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { validateScheme, type Scheme, type SchemeDraftListResponse, type SchemeDraftResponse, type SchemeDraftSummary, type SchemeResponse } from '@sci/shared';
import { AuditService } from '../audit/audit.service';
import type { AccessScope } from '../core/auth/access-scope';
import { CreateSchemeDraftDto, PublishSchemeDraftDto, UpdateSchemeDraftDto } from './dto/draft.dto';
import { DraftsRepository } from './drafts.repository';
import { SchemeDraftEntity } from './scheme-draft.entity';
import { SchemesService } from './schemes.service';

function summaryOf(d: SchemeDraftEntity, problems: string[]): SchemeDraftSummary {
  return {
    id: d.id,
    name: d.name,
    base: { schemeId: d.baseSchemeId, version: d.baseVersion },
    createdBy: d.createdBy,
    createdAt: d.createdAt.toISOString(),
    updatedBy: d.updatedBy,
    updatedAt: d.updatedAt.toISOString(),
    valid: problems.length === 0,
    publishedAs: d.publishedSchemeId && d.publishedVersion ? { schemeId: d.publishedSchemeId, version: d.publishedVersion } : null,
  };
}

/**
 * Scheme drafts of the policy lab: a working copy of a stored version that a regulator (or admin)
 * edits, simulates and finally publishes as the next version. A draft is never read by a run.
 */
@Injectable()
export class DraftsService {
  constructor(
    private readonly repo: DraftsRepository,
    private readonly schemes: SchemesService,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<SchemeDraftListResponse> {
    const rows = await this.repo.list();
    return { items: rows.map((d) => summaryOf(d, validateScheme(JSON.parse(d.params)))) };
  }

  async get(id: number): Promise<SchemeDraftResponse> {
    return this.toResponse(await this.require(id));
  }

  /** The draft's parameters, refusing an invalid draft (simulate, publish). */
  async validParams(id: number): Promise<{ draft: SchemeDraftEntity; scheme: Scheme }> {
    const draft = await this.require(id);
    const scheme = JSON.parse(draft.params) as Scheme;
    const problems = validateScheme(scheme);
    if (problems.length) throw new BadRequestException({ code: 'SCHEME_INVALID', message: problems.join('; '), problems });
    return { draft, scheme };
  }

  async create(dto: CreateSchemeDraftDto, scope: AccessScope): Promise<SchemeDraftResponse> {
    const base = await this.schemes.get(dto.schemeId, dto.version);
    const now = new Date();
    const saved = await this.repo.save({
      name: dto.name,
      baseSchemeId: base.schemeId,
      baseVersion: base.version,
      params: JSON.stringify(base.params),
      createdBy: scope.user.username,
      createdAt: now,
      updatedBy: scope.user.username,
      updatedAt: now,
      publishedSchemeId: null,
      publishedVersion: null,
    });
    await this.audit.record({ scope, action: 'scheme.draft_created', target: `scheme-draft:${saved.id}`, detail: { from: `${base.schemeId} v${base.version}` } });
    return this.toResponse(saved);
  }

  /** Saves name and parameters as given, valid or not: the answer carries the problems to show. */
  async update(id: number, dto: UpdateSchemeDraftDto, scope: AccessScope): Promise<SchemeDraftResponse> {
    const draft = await this.require(id);
    if (draft.publishedVersion !== null) {
      throw new ConflictException({ code: 'DRAFT_PUBLISHED', params: { id, version: draft.publishedVersion ?? '' }, message: `draft ${id} was published as version ${draft.publishedVersion}; start a new draft from it` });
    }
    if (dto.name !== undefined) draft.name = dto.name;
    if (dto.params !== undefined) {
      // the scheme id stays the one the draft started from: publishing makes its next version
      draft.params = JSON.stringify({ ...dto.params, id: draft.baseSchemeId });
    }
    draft.updatedBy = scope.user.username;
    draft.updatedAt = new Date();
    return this.toResponse(await this.repo.save(draft));
  }

  /** The next version of the draft's scheme id, effective from a period, audited with the reason. */
  async publish(id: number, dto: PublishSchemeDraftDto, scope: AccessScope): Promise<SchemeResponse> {
    const { draft, scheme } = await this.validParams(id);
    if (draft.publishedVersion !== null) {
      throw new ConflictException({ code: 'DRAFT_PUBLISHED', params: { id, version: draft.publishedVersion ?? '' }, message: `draft ${id} was already published as version ${draft.publishedVersion}` });
    }
    const adopted = await this.schemes.adopt({ ...scheme, title: dto.title ?? scheme.title }, dto.effectiveFrom, dto.reason, scope);
    draft.publishedSchemeId = adopted.schemeId;
    draft.publishedVersion = adopted.version;
    await this.repo.save(draft);
    return this.schemes.get(adopted.schemeId, adopted.version);
  }

  private async require(id: number): Promise<SchemeDraftEntity> {
    const d = await this.repo.get(id);
    if (!d) throw new NotFoundException({ code: 'DRAFT_NOT_FOUND', params: { id }, message: `scheme draft ${id} does not exist` });
    return d;
  }

  private toResponse(d: SchemeDraftEntity): SchemeDraftResponse {
    const params = JSON.parse(d.params) as Scheme;
    const problems = validateScheme(params);
    return { ...summaryOf(d, problems), params, problems };
  }
}
