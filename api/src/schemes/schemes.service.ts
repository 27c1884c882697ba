import { BadRequestException, ConflictException, Injectable, NotFoundException, OnModuleInit } from '@nestjs/common';
import { SCHEME_SDTF_2025, validateScheme, type Scheme, type SchemeListResponse, type SchemeResponse } from '@sci/shared';
import { AuditService } from '../audit/audit.service';
import type { AccessScope } from '../core/auth/access-scope';
import { CreateSchemeDto } from './dto/create-scheme.dto';
import { schemeOf, toSchemeResponse, toSchemeSummary } from './scheme-response';
import { SchemesRepository } from './schemes.repository';

/** A scheme version as runs use it. */
export interface ResolvedScheme {
  scheme: Scheme;
  schemeId: string;
  version: number;
}

/**
 * Scheme versions: the default `sdtf-2025` v1 is seeded from the engine's constant when missing;
 * an admin adds versions; runs resolve the version they use here.
 */
@Injectable()
export class SchemesService implements OnModuleInit {
  constructor(
    private readonly repo: SchemesRepository,
    private readonly audit: AuditService,
  ) {}

  private seeded: Promise<void> | null = null;

  async onModuleInit(): Promise<void> {
    await this.ready();
  }

  /**
   * Seeds the default scheme once per process. Every public method waits for it: callers may come
   * before the module's init hook (the demo seeder runs before the app listens).
   */
  private ready(): Promise<void> {
    this.seeded ??= this.ensureDefault().catch((err) => {
      this.seeded = null;
      throw err;
    });
    return this.seeded;
  }

  /** Seeds the engine's default scheme as its own version when the table does not have it. */
  private async ensureDefault(): Promise<void> {
    const { id, version, title, ...rest } = SCHEME_SDTF_2025;
    await this.repo.insertIfAbsent({
      schemeId: id,
      version,
      titleZh: title.zh,
      titleEn: title.en,
      params: JSON.stringify({ id, version, title, ...rest }),
      createdBy: null,
      createdAt: new Date(),
    });
  }

  async list(): Promise<SchemeListResponse> {
    await this.ready();
    const rows = await this.repo.list();
    // list() is newest first: the first row is the default
    const defaultId = rows[0]?.id ?? null;
    return { items: rows.map((r) => toSchemeSummary(r, defaultId)) };
  }

  async get(schemeId: string, version: number): Promise<SchemeResponse> {
    await this.ready();
    const row = await this.repo.get(schemeId, version);
    if (!row) throw new NotFoundException({ code: 'SCHEME_NOT_FOUND', message: `scheme ${schemeId} v${version} does not exist` });
    return toSchemeResponse(row, (await this.repo.newest())?.id ?? null);
  }

  /** Validates the parameters with the engine's rules and stores them as the next version. */
  async create(dto: CreateSchemeDto, scope: AccessScope): Promise<SchemeResponse> {
    await this.ready();
    const title = dto.title ?? dto.params.title;
    if (!title) throw new BadRequestException({ code: 'SCHEME_INVALID', message: 'title: give a title (zh and en)', problems: ['title: required'] });
    const candidate = { ...dto.params, id: dto.schemeId, version: 1, title };
    const problems = validateScheme(candidate);
    if (problems.length) {
      throw new BadRequestException({ code: 'SCHEME_INVALID', message: problems.join('; '), problems });
    }
    const saved = await this.repo.insertNextVersion({
      schemeId: dto.schemeId,
      titleZh: title.zh,
      titleEn: title.en,
      params: JSON.stringify(candidate),
      createdBy: scope.user.username,
      createdAt: new Date(),
    });
    if (!saved) throw new ConflictException({ code: 'SCHEME_VERSION_CONFLICT', message: 'another version was created at the same time; try again' });
    await this.audit.record({ scope, action: 'scheme.version_created', target: `scheme:${saved.schemeId}:${saved.version}` });
    return toSchemeResponse(saved, saved.id);
  }

  /**
   * Publishes parameters (a policy-lab draft) as the next version of `scheme.id`, effective from
   * `effectiveFrom`, audited with the reason.
   */
  async adopt(scheme: Scheme, effectiveFrom: string, reason: string, scope: AccessScope): Promise<ResolvedScheme> {
    await this.ready();
    const problems = validateScheme(scheme);
    if (problems.length) throw new BadRequestException({ code: 'SCHEME_INVALID', message: problems.join('; '), problems });
    const saved = await this.repo.insertNextVersion({
      schemeId: scheme.id,
      titleZh: scheme.title.zh,
      titleEn: scheme.title.en,
      params: JSON.stringify(scheme),
      createdBy: scope.user.username,
      createdAt: new Date(),
      effectiveFrom,
      reason,
    });
    if (!saved) throw new ConflictException({ code: 'SCHEME_VERSION_CONFLICT', message: 'another version was created at the same time; try again' });
    await this.audit.record({
      scope,
      action: 'scheme.version_adopted',
      target: `scheme:${saved.schemeId}:${saved.version}`,
      detail: { effectiveFrom, reason },
    });
    return { scheme: schemeOf(saved), schemeId: saved.schemeId, version: saved.version };
  }

  /**
   * Stores an already validated scheme (a CLI --scheme file) as the next version of its id and
   * returns it as runs use it. The file's own version number is kept in its params only: the
   * database decides the stored number, so a file never overwrites a version.
   */
  async register(scheme: Scheme, actor: string): Promise<ResolvedScheme> {
    await this.ready();
    const problems = validateScheme(scheme);
    if (problems.length) throw new BadRequestException({ code: 'SCHEME_INVALID', message: problems.join('; '), problems });
    const saved = await this.repo.insertNextVersion({
      schemeId: scheme.id,
      titleZh: scheme.title.zh,
      titleEn: scheme.title.en,
      params: JSON.stringify(scheme),
      createdBy: actor,
      createdAt: new Date(),
    });
    if (!saved) throw new ConflictException({ code: 'SCHEME_VERSION_CONFLICT', message: 'another version was created at the same time; try again' });
    return { scheme: schemeOf(saved), schemeId: saved.schemeId, version: saved.version };
  }

  /**
   * The version a run uses: the one named, the latest of a named id, or the default: for a
   * period, the version in force then (the newest effective from it or earlier; earlier periods
   * keep the version they had), else the most recently created version. Throws 404 when the named
   * scheme does not exist.
   */
  async resolve(schemeId?: string, version?: number, period?: string): Promise<ResolvedScheme> {
    await this.ready();
    const row = schemeId
      ? version !== undefined
        ? await this.repo.get(schemeId, version)
        : await this.repo.latestOf(schemeId)
      : period
        ? await this.repo.inForce(period)
        : await this.repo.newest();
    if (!row) {
      const what = schemeId ? `scheme ${schemeId}${version !== undefined ? ` v${version}` : ''}` : 'a default scheme';
      throw new NotFoundException({ code: 'SCHEME_NOT_FOUND', message: `${what} does not exist` });
    }
    return { scheme: schemeOf(row), schemeId: row.schemeId, version: row.version };
  }
}
