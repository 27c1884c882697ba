import type { Scheme, SchemeResponse, SchemeSummary } from '@sci/shared';
import { SchemeVersionEntity } from './scheme-version.entity';

export function toSchemeSummary(r: SchemeVersionEntity, defaultId: number | null): SchemeSummary {
  return {
    schemeId: r.schemeId,
    version: r.version,
    title: { zh: r.titleZh, en: r.titleEn },
    createdBy: r.createdBy,
    createdAt: r.createdAt.toISOString(),
    isDefault: r.id === defaultId,
    effectiveFrom: r.effectiveFrom,
    reason: r.reason,
  };
}

/** The stored parameters with id and version set from the row (the row is what counts). */
export function schemeOf(r: SchemeVersionEntity): Scheme {
  const params = JSON.parse(r.params) as Scheme;
  return { ...params, id: r.schemeId, version: r.version, title: { zh: r.titleZh, en: r.titleEn } };
}

export function toSchemeResponse(r: SchemeVersionEntity, defaultId: number | null): SchemeResponse {
  return { ...toSchemeSummary(r, defaultId), params: schemeOf(r) };
}
