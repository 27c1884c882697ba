import { chartHtml, escapeHtml } from './chart-html';

describe(chartHtml.name, () => {
  it('should escape every interpolated value and keep the literal markup', () => {
    const name = '<img src=x onerror="alert(1)">';
    expect(chartHtml`${name} (A&B)<br/>${"it's"}`).toBe(
      '&lt;img src=x onerror=&quot;alert(1)&quot;&gt; (A&B)<br/>it&#39;s',
    );
  });

  it('should write null and undefined as nothing and numbers as text', () => {
    expect(chartHtml`${null}|${undefined}|${-12.5}`).toBe('||-12.5');
  });
});

describe(escapeHtml.name, () => {
  it('should leave plain Chinese names unchanged', () => {
    expect(escapeHtml('工商银行济南分行')).toBe('工商银行济南分行');
  });
});
