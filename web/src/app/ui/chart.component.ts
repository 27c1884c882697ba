import {
  ChangeDetectionStrategy,
  Component,
  computed,
  input,
  output,
} from '@angular/core';
import type { EChartsCoreOption } from 'echarts/core';
import { NgxEchartsDirective } from 'ngx-echarts';

/**
 * A chart with its title and unit written above it in HTML (crisp, translatable, readable in a
 * screenshot), the ECharts canvas below. Options come from the page's pure option builders.
 */
@Component({
  selector: 'app-chart',
  imports: [NgxEchartsDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="head">
      <span class="title">{{ title() }}</span>
      @if (unit()) {
        <span class="unit">{{ unit() }}</span>
      }
    </div>
    <div
      class="canvas"
      echarts
      [options]="shown()"
      [autoResize]="true"
      [style.height.px]="height()"
      [attr.aria-label]="title()"
      (chartClick)="pick.emit({ seriesIndex: $any($event).seriesIndex, dataIndex: $any($event).dataIndex })"
    ></div>
  `,
  styles: `
    :host {
      display: block;
    }
    .head {
      display: flex;
      align-items: baseline;
      gap: 8px;
      margin-bottom: 4px;
    }
    .title {
      font-weight: 600;
      font-size: 13px;
      color: #1f1f1f;
    }
    .unit {
      font-size: 12px;
      color: #8c8c8c;
    }
    .canvas {
      width: 100%;
    }
  `,
})
export class ChartComponent {
  readonly title = input.required<string>();
  /** e.g. "单位：亿元" */
  readonly unit = input<string | null>(null);
  readonly options = input.required<EChartsCoreOption>();
  readonly height = input(260);
  /** a click on a bar or point: which series and which category (for click-through links) */
  readonly pick = output<{ seriesIndex: number; dataIndex: number }>();
  /** short animations: a dense tool is read, not watched */
  protected readonly shown = computed<EChartsCoreOption>(() => ({
    animationDuration: 300,
    animationDurationUpdate: 200,
    ...this.options(),
  }));
}
