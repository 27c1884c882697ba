import { CLASS_CODES, type ClassCode, type UnitResultItem } from '@sci/shared';
import { heatmapOption } from './bank-charts';

const HOSTILE = '<img src=x onerror="document.title=1">';

describe(heatmapOption.name, () => {
  it("should put a unit's name into the tooltip as text, never as markup", () => {
    const scores = Object.fromEntries(CLASS_CODES.map((k) => [k, 5])) as Record<
      ClassCode,
      number
    >;
    const unit = {
      code: 'X-1',
      name: HOSTILE,
      scored: true,
      scores,
    } as unknown as UnitResultItem;
    const weights = Object.fromEntries(
      CLASS_CODES.map((k) => [k, 10]),
    ) as Record<ClassCode, number>;
    const o = heatmapOption([unit], weights, {
      className: (k) => k,
      head: 'h',
      peerMedian: 'm',
      shareOfPoints: 's',
    }) as {
      tooltip: {
        formatter: (p: { data: [number, number, number | null] }) => string;
      };
    };
    const html = o.tooltip.formatter({ data: [0, 0, 50] });
    expect(html).toContain(
      '&lt;img src=x onerror=&quot;document.title=1&quot;&gt;',
    );
    expect(html).not.toContain('<img');
    const el = document.createElement('div');
    el.innerHTML = html;
    expect(el.querySelector('img')).toBeNull();
    expect(el.textContent).toContain(HOSTILE);
  });
});
