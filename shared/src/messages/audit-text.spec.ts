import { AUDIT_ACTIONS } from '../api/audit';
import {
  AUDIT_ACTION_TEXT,
  auditActionText,
  auditDetailText,
} from './audit-text';

describe('audit log in words', () => {
  it.each([...AUDIT_ACTIONS])('should name %s in both languages', (a) => {
    expect(AUDIT_ACTION_TEXT[a].zh).toMatch(/[\u4e00-\u9fff]/);
    expect(AUDIT_ACTION_TEXT[a].en).toMatch(/^[\x20-\x7e]+$/);
  });

  it('should write an action and its detail in words, not codes and JSON', () => {
    expect(auditActionText('run.published', 'zh-CN')).toBe('发布评估结果');
    expect(auditActionText('run.published', 'en')).toBe('Published a run');
    expect(auditActionText('something.new', 'en')).toBe('something.new');
    const d = {
      period: '2025Q4',
      schemeId: 'sdtf',
      schemeVersion: 3,
      extra: null,
    };
    expect(auditDetailText(d, 'zh-CN')).toBe(
      '报告期 2025Q4；方案 sdtf；方案版本 3',
    );
    expect(auditDetailText(d, 'en')).toBe(
      'period 2025Q4; scheme sdtf; scheme version 3',
    );
    expect(auditDetailText({ resubmitted: true }, 'zh-CN')).toBe('重新提交 是');
    expect(auditDetailText(null, 'en')).toBe('');
  });
});
