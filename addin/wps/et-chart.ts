/**
 * worksheet.charts.add(…) over ET's ChartObjects().Add(…).Chart: the chart is made at sync from what was set on
 * the Office-shaped proxy by then (type, data, series, titles, legend, axes, data labels, place).
 */
import { XL } from "./et-convert";
import type { EtChartModel, EtSeriesModel, EtWorksheetModel } from "./et-model";
import type { RangeProxy, SheetRef } from "./et-range";

interface SeriesPlan {
  name?: string;
  values?: RangeProxy;
  categories?: RangeProxy;
}

interface ChartPlan {
  type: string;
  source: RangeProxy;
  series: SeriesPlan[];
  title?: string;
  legend?: string;
  valueTitle?: string;
  valueFormat?: string;
  categoryOrientation?: number;
  categoryReversed?: boolean;
  categoryPosition?: string;
  showValue?: boolean;
  labelFormat?: string;
  plotVisibleOnly?: boolean;
  position?: [string, string | undefined];
}

/** Office's chart types → XlChartType (the ones the pane draws). */
const CHART_TYPES: Record<string, number> = { ColumnClustered: XL.columnClustered, BarClustered: XL.barClustered };

function place(sheet: EtWorksheetModel, plan: ChartPlan) {
  const [from, to] = plan.position ?? ["A1", "F15"];
  const area = sheet.Range(`${from}:${to ?? from}`);
  return sheet.ChartObjects().Add(Number(area.Left), Number(area.Top), Number(area.Width), Number(area.Height));
}

function drawSeries(chart: EtChartModel, plan: ChartPlan): EtSeriesModel[] {
  return plan.series.map((s, k) => {
    const series = k === 0 ? chart.SeriesCollection(1) : chart.SeriesCollection().NewSeries();
    if (k > 0 && s.values) series.Values = s.values.etRange();
    if (s.categories) series.XValues = s.categories.etRange();
    if (s.name !== undefined) series.Name = s.name;
    if (plan.showValue !== undefined) series.HasDataLabels = plan.showValue;
    if (plan.showValue) {
      const labels = series.DataLabels();
      labels.ShowValue = true;
      if (plan.labelFormat) labels.NumberFormat = plan.labelFormat;
    }
    return series;
  });
}

/** The chart in ET, as planned. */
function draw(sheet: EtWorksheetModel, plan: ChartPlan): void {
  const chart = place(sheet, plan).Chart;
  chart.ChartType = CHART_TYPES[plan.type] ?? XL.columnClustered;
  chart.SetSourceData(plan.source.etRange(), XL.columns);
  drawSeries(chart, plan);
  if (plan.title !== undefined) {
    chart.HasTitle = true;
    chart.ChartTitle.Text = plan.title;
  }
  if (plan.legend === "Top") {
    chart.HasLegend = true;
    chart.Legend.Position = XL.legendTop;
  }
  const value = chart.Axes(XL.value);
  if (plan.valueTitle !== undefined) {
    value.HasTitle = true;
    value.AxisTitle.Text = plan.valueTitle;
  }
  if (plan.valueFormat !== undefined) value.TickLabels.NumberFormat = plan.valueFormat;
  const category = chart.Axes(XL.category);
  if (plan.categoryOrientation !== undefined) category.TickLabels.Orientation = plan.categoryOrientation;
  if (plan.categoryReversed !== undefined) category.ReversePlotOrder = plan.categoryReversed;
  if (plan.categoryPosition === "Maximum") category.Crosses = XL.axisCrossesMaximum;
  if (plan.plotVisibleOnly !== undefined) chart.PlotVisibleOnly = plan.plotVisibleOnly;
}

const titled = (set: (text: string) => void) => ({
  set text(text: string) {
    set(text);
  },
});

function seriesProxy(record: SeriesPlan) {
  return {
    set name(name: string) {
      record.name = name;
    },
    setValues: (values: RangeProxy) => (record.values = values),
    setXAxisValues: (categories: RangeProxy) => (record.categories = categories),
  };
}

/** sheet.charts.add(type, source, seriesBy): an Office-shaped chart whose settings are applied at sync. */
export function addChart(sheet: SheetRef, type: string, source: RangeProxy) {
  const plan: ChartPlan = { type, source, series: [{ values: source }] };
  sheet.context.enqueue(() => draw(sheet.et(), plan));
  return {
    title: titled((text) => (plan.title = text)),
    legend: {
      set position(position: string) {
        plan.legend = position;
      },
    },
    axes: {
      valueAxis: {
        title: titled((text) => (plan.valueTitle = text)),
        set numberFormat(format: string) {
          plan.valueFormat = format;
        },
      },
      categoryAxis: {
        set textOrientation(degrees: number) {
          plan.categoryOrientation = degrees;
        },
        set reversePlotOrder(reversed: boolean) {
          plan.categoryReversed = reversed;
        },
        set position(position: string) {
          plan.categoryPosition = position;
        },
      },
    },
    dataLabels: {
      set showValue(show: boolean) {
        plan.showValue = show;
      },
      set numberFormat(format: string) {
        plan.labelFormat = format;
      },
    },
    set plotVisibleOnly(only: boolean) {
      plan.plotVisibleOnly = only;
    },
    setPosition: (from: string, to?: string) => (plan.position = [from, to]),
    series: {
      getItemAt: (_index: number) => seriesProxy(plan.series[0]),
      add: (name: string) => {
        const record: SeriesPlan = { name };
        plan.series.push(record);
        return seriesProxy(record);
      },
    },
  };
}
