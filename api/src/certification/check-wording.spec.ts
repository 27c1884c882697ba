import {
  certificationChecks,
  SCHEME_SDTF_2025,
  type ApplicationRow,
  type CheckResult,
  type Scheme,
} from '@sci/shared';
import { describeMeasure, shortfallTexts, toCheckViews } from './check-wording';

type Measure = CheckResult['measures'][number];

const S = SCHEME_SDTF_2025;

function atLeast(
  name: string,
  value: number | null,
  threshold: number,
): Measure {
  const pass = value !== null && value >= threshold;
  return {
    name,
    value,
    threshold,
    pass,
    shortfall: pass || value === null ? null : threshold - value,
  };
}

describe(describeMeasure.name, () => {
  describe('shares and scores below their threshold', () => {
    it.each([
      [
        atLeast('K2', 42.3, 50),
        '科技贷款占比 42.3%，低于 50%，差 7.7 个百分点',
        'Tech loan share 42.3%, below 50% by 7.7 pp',
      ],
      [
        atLeast('K2', 42.26, 50),
        '科技贷款占比 42.3%，低于 50%，差 7.7 个百分点',
        'Tech loan share 42.3%, below 50% by 7.7 pp',
      ],
      [
        atLeast('tech_borrower_share', 12.5, 50),
        '科技企业客户占比 12.5%，低于 50%，差 37.5 个百分点',
        'Tech borrower share 12.5%, below 50% by 37.5 pp',
      ],
      [
        atLeast('K7', 29.5, 30),
        '信用及知识产权质押贷款占比 29.5%，低于 30%，差 0.5 个百分点',
        'Credit and IP-pledge loan share 29.5%, below 30% by 0.5 pp',
      ],
      [
        atLeast('K3', -3.21, 0),
        '科技贷款增速与各项贷款增速之差 -3.2 个百分点，低于 0 个百分点，差 3.2 个百分点',
        'Tech loan growth minus all-loan growth -3.2 pp, below 0 pp by 3.2 pp',
      ],
      [
        atLeast('composite', 72.44, 75),
        '综合得分 72.4 分，低于 75 分，差 2.6 分',
        'Composite score 72.4, below 75 by 2.6 points',
      ],
    ])('should say by how much a value falls short (%#)', (m, zh, en) => {
      expect(describeMeasure(m, S)).toEqual({ zh, en });
    });

    it('should keep the sign of a small negative growth gap', () => {
      expect(describeMeasure(atLeast('K3', -0.04, 0), S).en).toBe(
        'Tech loan growth minus all-loan growth -0.04 pp, below 0 pp by less than 0.1 pp',
      );
    });

    it('should not claim a shortfall of 0.0 when the value rounds to the threshold', () => {
      expect(describeMeasure(atLeast('K2', 49.97, 50), S)).toEqual({
        zh: '科技贷款占比 50.0%，低于 50%，差不足 0.1 个百分点',
        en: 'Tech loan share 50.0%, below 50% by less than 0.1 pp',
      });
    });
  });

  describe('counts and money', () => {
    it.each([
      [
        atLeast('K5', 80, 100),
        '科技企业贷款户数 80 户，低于 100 户，差 20 户',
        'Tech borrowers 80, below 100 by 20',
      ],
      [
        atLeast('tech_rm_count', 4, 5),
        '专职科技客户经理 4 人，低于 5 人，差 1 人',
        'Full-time sci-tech relationship managers 4, below 5 by 1',
      ],
      [
        atLeast('K1', 320_000_000, 500_000_000),
        '科技贷款余额 3.2 亿元，低于 5 亿元，差 1.8 亿元',
        'Tech loan balance CNY 320 m, below CNY 500 m by CNY 180 m',
      ],
      [
        atLeast('approval_limit', 5_000_000, 10_000_000),
        '贷款审批权限 500 万元，低于 1,000 万元，差 500 万元',
        'Loan approval authority CNY 5 m, below CNY 10 m by CNY 5 m',
      ],
      [
        atLeast('K1', 73_210_500, 100_000_000),
        '科技贷款余额 7,321.05 万元，低于 1 亿元，差 2,678.95 万元',
        'Tech loan balance CNY 73.21 m, below CNY 100 m by CNY 26.79 m',
      ],
    ])('should word a value in its unit (%#)', (m, zh, en) => {
      expect(describeMeasure(m, S)).toEqual({ zh, en });
    });
  });

  describe('passing and missing values', () => {
    it('should say a passing value meets the threshold', () => {
      expect(describeMeasure(atLeast('K8', 45.04, 30), S)).toEqual({
        zh: '中长期贷款占比 45.0%，不低于 30%',
        en: 'Medium and long-term loan share 45.0%, at least 30%',
      });
    });

    it('should say a null indicator has no data', () => {
      expect(describeMeasure(atLeast('K6', null, 10), S)).toEqual({
        zh: '首贷户占比无数据，要求不低于 10%',
        en: 'First-loan borrower share: no data (required: at least 10%)',
      });
    });

    it('should say an application figure is not declared when the unit did not apply', () => {
      expect(describeMeasure(atLeast('tech_rm_count', null, 5), S).zh).toBe(
        '专职科技客户经理未申报（当年无申请），要求不低于 5 人',
      );
    });
  });

  describe('yes/no conditions', () => {
    it.each([
      [
        {
          name: 'risk_tolerance',
          value: false,
          threshold: true,
          pass: false,
          shortfall: null,
        },
        '风险容忍机制：否（要求：是）',
        'Risk tolerance: no (required: yes)',
      ],
      [
        {
          name: 'designated',
          value: true,
          threshold: true,
          pass: true,
          shortfall: null,
        },
        '正式挂牌为科技金融专营机构：是',
        'Formally designated as a sci-tech unit: yes',
      ],
      [
        {
          name: 'VETO',
          value: true,
          threshold: false,
          pass: false,
          shortfall: null,
        },
        '存在一票否决事项（行政处罚或数据造假）',
        'Veto (penalty or falsified data): present',
      ],
      [
        {
          name: 'NPL_OVER_TOLERANCE',
          value: false,
          threshold: false,
          pass: true,
          shortfall: null,
        },
        '无科技贷款不良率超出容忍度',
        'Tech NPL ratio above tolerance: none',
      ],
      [
        {
          name: 'scored',
          value: false,
          threshold: true,
          pass: false,
          shortfall: null,
        },
        '第四季度无贷款，未参与评分',
        'Not scored in the fourth quarter (no loans)',
      ],
      [
        {
          name: 'tech_loans_grew',
          value: false,
          threshold: true,
          pass: false,
          shortfall: null,
        },
        '科技贷款较年初未增长',
        'Tech loans did not grow since the start of the year',
      ],
    ] as [Measure, string, string][])(
      'should word a condition (%#)',
      (m, zh, en) => {
        expect(describeMeasure(m, S)).toEqual({ zh, en });
      },
    );
  });

  describe('FTP discount (0 < bp <= cap)', () => {
    const ftp = (
      value: number | null,
      pass: boolean,
      shortfall: number | null,
    ): Measure => ({
      name: 'ftp_discount_bp',
      value,
      threshold: '(0, 50]',
      pass,
      shortfall,
    });

    it.each([
      [
        ftp(30, true, null),
        'FTP 优惠 30 bp，大于 0 且不超过 50 bp',
        'FTP discount 30 bp, within (0, 50] bp',
      ],
      [
        ftp(60, false, 10),
        'FTP 优惠 60 bp，高于上限 50 bp，超出 10 bp',
        'FTP discount 60 bp, above the cap of 50 bp by 10 bp',
      ],
      [
        ftp(0, false, null),
        'FTP 优惠 0 bp，应大于 0',
        'FTP discount 0 bp, must be above 0',
      ],
    ])('should word a discount against the cap (%#)', (m, zh, en) => {
      expect(describeMeasure(m, S)).toEqual({ zh, en });
    });

    it('should take the cap from the scheme, not from code', () => {
      const scheme: Scheme = {
        ...S,
        certification: {
          ...S.certification,
          C2: { ...S.certification.C2, ftp_discount_bp_max: 80 },
        },
      };
      expect(describeMeasure(ftp(60, true, null), scheme).en).toBe(
        'FTP discount 60 bp, within (0, 80] bp',
      );
    });
  });
});

describe(toCheckViews.name, () => {
  const app: ApplicationRow = {
    year: 2025,
    institutionCode: 'U1',
    designated: true,
    techRmCount: 3,
    separateCreditPlan: true,
    dedicatedPricing: true,
    independentAccounting: true,
    riskTolerance: false,
    approvalChannel: true,
    performanceAssessment: true,
    dueDiligenceExemption: true,
    ftpDiscountBp: 20,
    approvalLimitFen: 2_000_000_000,
  };

  it('should word every measure of the engine and list the failed ones in check order', () => {
    const views = toCheckViews(certificationChecks(undefined, app, S), S);
    expect(views.map((v) => v.code)).toEqual([
      'C1',
      'C2',
      'C3',
      'C4',
      'C5',
      'C6',
      'C7',
      'C8',
    ]);
    expect(
      views.every((v) =>
        v.measures.every((m) => m.text.zh.length > 0 && m.text.en.length > 0),
      ),
    ).toBe(true);
    const zh = shortfallTexts(views).map((t) => t.zh);
    expect(zh.slice(0, 2)).toEqual([
      '专职科技客户经理 3 人，低于 5 人，差 2 人',
      '风险容忍机制：否（要求：是）',
    ]);
    expect(zh).toContain('第四季度无贷款，未参与评分');
  });
});
