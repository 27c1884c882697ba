import { CLASS_CODES, type ClassCode, type Flag } from '../format/enums';
import { growthScore } from './growth';
import type { Baseline, UnitIndicators } from './indicators';
import { nplBandScore } from './npl-band';
import { applyFloor, peerTrendScore } from './peer-trend';
import type { Scheme } from './scheme';
import type { ClassResult } from './types';

/** The ten class scores of one scored unit (spec section 4), s_k = weight_k * f_k. */

/** What the class scores of one unit need besides the scheme. */
export interface ClassScoreContext {
  own: UnitIndicators;
  /** indicators of the other units of P(u) (u excluded), in code order */
  peers: UnitIndicators[];
  /** history quarters in which u was scored (A > 0), most recent first */
  history: { period: string; indicators: UnitIndicators }[];
  /** K3 baseline at p0, null when none */
  baseline: Baseline | null;
}

export interface ClassScores {
  classes: Record<ClassCode, ClassResult>;
  flags: Flag[];
}

/** Every class result of a scored unit, and the flags the class rules raise. */
export function scoreClasses(ctx: ClassScoreContext, scheme: Scheme): ClassScores {
  const flags: Flag[] = [];
  const classes = {} as Record<ClassCode, ClassResult>;
  for (const code of CLASS_CODES) {
    const params = scheme.classes[code];
    const iv = ctx.own.values[code];
    const base = {
      code,
      value: iv.value,
      numerator: iv.numerator,
      denominator: iv.denominator,
      weight: params.weight,
    };
    if (params.method === 'peer_trend') {
      const x = applyFloor(iv.value, params.floor);
      const others = ctx.peers.map((p) => applyFloor(p.values[code].value, params.floor));
      const trendValues: { period: string; value: number }[] = [];
      for (const h of ctx.history) {
        const v = applyFloor(h.indicators.values[code].value, params.floor);
        if (v !== null) trendValues.push({ period: h.period, value: v });
      }
      const r = peerTrendScore(
        x,
        others,
        trendValues.map((t) => t.value),
        params,
        scheme,
      );
      classes[code] = {
        ...base,
        f: r.f,
        score: params.weight * r.f,
        peerSize: ctx.peers.length + 1,
        H: r.H,
        P: r.P,
        m: r.m,
        V: r.V,
        trendValues,
      };
    } else if (params.method === 'growth_target') {
      const g = growthScore(ctx.own.balanceTech, ctx.own.balanceAll, ctx.baseline, params);
      if (g.flag) flags.push(g.flag);
      classes[code] = { ...base, f: g.f, score: params.weight * g.f };
    } else {
      const b = nplBandScore(iv.value, ctx.own.nplRatioAll, params);
      if (b.overTolerance) flags.push('NPL_OVER_TOLERANCE');
      classes[code] = { ...base, f: b.f, score: params.weight * b.f, tolerance: b.tolerance };
    }
  }
  return { classes, flags };
}

/** Class results of a unit that is not scored (A = 0): values for display, no points. */
export function unscoredClasses(
  own: UnitIndicators,
  scheme: Scheme,
): Record<ClassCode, ClassResult> {
  const classes = {} as Record<ClassCode, ClassResult>;
  for (const code of CLASS_CODES) {
    const iv = own.values[code];
    classes[code] = {
      code,
      value: iv.value,
      numerator: iv.numerator,
      denominator: iv.denominator,
      weight: scheme.classes[code].weight,
      f: 0,
      score: 0,
    };
  }
  return classes;
}
