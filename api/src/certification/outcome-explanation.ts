import type {
  CertificationResult,
  CheckCode,
  CheckResult,
  LocalizedText,
  Scheme,
} from '@sci/shared';

/**
 * Why the engine recommended what it did (scoring.md section 7), in words, with the scheme's own
 * figures. It restates the rule the engine applied; it never decides anything itself.
 */

const RECOMMENDATION: Record<CertificationResult['outcome'], LocalizedText> = {
  certify: { zh: '建议认定', en: 'recommended: certify' },
  upgrade: { zh: '建议列入提升', en: 'recommended: upgrade' },
  reserve: { zh: '建议列入储备', en: 'recommended: reserve' },
  not_eligible: { zh: '不符合条件', en: 'not eligible' },
  retain: { zh: '建议保留认定', en: 'recommended: retain' },
  delist: { zh: '建议摘牌', en: 'recommended: delist' },
};

function failed(checks: CheckResult[]): CheckCode[] {
  return checks.filter((c) => !c.pass).map((c) => c.code);
}

function passes(checks: CheckResult[], code: CheckCode): boolean {
  return checks.find((c) => c.code === code)?.pass ?? false;
}

function list(codes: CheckCode[]): { zh: string; en: string } {
  return { zh: codes.join('、'), en: codes.join(', ') };
}

function compositeText(composite: number | null): LocalizedText {
  return composite === null
    ? { zh: '未参与评分', en: 'not scored' }
    : {
        zh: `综合得分 ${composite.toFixed(1)}`,
        en: `composite ${composite.toFixed(1)}`,
      };
}

function applicant(r: CertificationResult, scheme: Scheme): LocalizedText {
  const c = scheme.certification;
  const total = r.checks.length;
  const passed = r.checks.filter((k) => k.pass).length;
  const f = list(failed(r.checks));
  const rec = RECOMMENDATION[r.outcome];
  if (r.outcome === 'certify')
    return {
      zh: `${total} 项条件全部通过，${rec.zh}`,
      en: `All ${total} checks pass; ${rec.en}`,
    };
  const comp = compositeText(r.composite);
  const head = {
    zh: `通过 ${passed}/${total} 项（未通过：${f.zh}），${comp.zh}`,
    en: `${passed} of ${total} checks pass (failed: ${f.en}), ${comp.en}`,
  };
  const up = list(c.upgrade.required);
  const upgradeRule = {
    zh: `提升条件（须 ${up.zh} 通过、至少通过 ${c.upgrade.checks_passed_min} 项且综合得分不低于 ${c.upgrade.composite_min}）`,
    en: `upgrade needs ${up.en} passed, at least ${c.upgrade.checks_passed_min} checks and a composite of at least ${c.upgrade.composite_min}`,
  };
  if (r.outcome === 'upgrade')
    return {
      zh: `${head.zh}；满足提升条件，${rec.zh}`,
      en: `${head.en}; meets the upgrade rule; ${rec.en}`,
    };
  const res = list(c.reserve.required);
  if (r.outcome === 'reserve') {
    return {
      zh: `${head.zh}；未满足${upgradeRule.zh}，${res.zh} 通过，${rec.zh}`,
      en: `${head.en}; ${upgradeRule.en}, not met; ${res.en} passed; ${rec.en}`,
    };
  }
  return {
    zh: `${head.zh}；${res.zh} 未通过，${rec.zh}`,
    en: `${head.en}; ${res.en} failed; ${rec.en}`,
  };
}

function certified(r: CertificationResult, scheme: Scheme): LocalizedText {
  const d = scheme.certification.delist;
  const prev = r.previousChecks ?? [];
  const reasons: LocalizedText[] = [];
  const req = d.required.filter((k) => !passes(r.checks, k));
  if (req.length)
    reasons.push({
      zh: `${list(req).zh} 未通过`,
      en: `${list(req).en} failed`,
    });
  if (r.composite === null)
    reasons.push({
      zh: '第四季度未参与评分',
      en: 'not scored in the fourth quarter',
    });
  else if (r.composite + scheme.equality_tolerance < d.composite_below) {
    reasons.push({
      zh: `综合得分 ${r.composite.toFixed(1)} 低于 ${d.composite_below}`,
      en: `composite ${r.composite.toFixed(1)} below ${d.composite_below}`,
    });
  }
  const twice = d.two_year_failure_checks.filter(
    (k) => !passes(r.checks, k) && !passes(prev, k),
  );
  if (twice.length)
    reasons.push({
      zh: `${list(twice).zh} 连续两年未通过`,
      en: `${list(twice).en} failed in both years`,
    });
  const rec = RECOMMENDATION[r.outcome];
  if (r.outcome === 'delist') {
    return {
      zh: `上年已认定；${reasons.map((x) => x.zh).join('；')}，${rec.zh}`,
      en: `Certified last year; ${reasons.map((x) => x.en).join('; ')}; ${rec.en}`,
    };
  }
  const f = failed(r.checks);
  const note = f.length
    ? {
        zh: `（本年未通过 ${list(f).zh}，但上年通过）`,
        en: ` (failed this year: ${list(f).en}, but passed last year)`,
      }
    : { zh: '', en: '' };
  return {
    zh: `上年已认定；${list(d.required).zh} 通过，${compositeText(r.composite).zh} 不低于 ${d.composite_below}，无连续两年未通过的条件${note.zh}，${rec.zh}`,
    en: `Certified last year; ${list(d.required).en} passed, ${compositeText(r.composite).en} at least ${d.composite_below}, no check failed in both years${note.en}; ${rec.en}`,
  };
}

export function explainOutcome(
  r: CertificationResult,
  scheme: Scheme,
): LocalizedText {
  return r.kind === 'certified' ? certified(r, scheme) : applicant(r, scheme);
}
