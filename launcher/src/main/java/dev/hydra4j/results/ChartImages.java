package dev.hydra4j.results;

import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Draws {@link ChartData} as PNG images with XChart, on a headless AWT. */
final class ChartImages {

  static final int WIDTH = 560;
  static final int HEIGHT = 360;

  private ChartImages() {}

  /** The chart as PNG bytes. */
  static byte[] png(ChartData data) throws IOException {
    // No window system is needed or wanted: a report is made on servers and in CI.
    System.setProperty("java.awt.headless", "true");
    String title = data.metric() + " by " + data.param();
    if (data.numeric()) {
      XYChart chart =
          new XYChartBuilder()
              .width(WIDTH)
              .height(HEIGHT)
              .title(title)
              .xAxisTitle(data.param())
              .yAxisTitle(data.metric())
              .build();
      style(chart.getStyler());
      chart.getStyler().setXAxisLogarithmic(data.logX());
      chart.getStyler().setMarkerSize(7);
      chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
      for (ChartData.Series s : data.series()) {
        List<Double> xs = new ArrayList<>();
        for (Object x : s.xs()) {
          xs.add((Double) x);
        }
        chart.addSeries(s.name(), xs, s.ys());
      }
      return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
    }
    CategoryChart chart =
        new CategoryChartBuilder()
            .width(WIDTH)
            .height(HEIGHT)
            .title(title)
            .xAxisTitle(data.param())
            .yAxisTitle(data.metric())
            .build();
    style(chart.getStyler());
    chart.getStyler().setOverlapped(false);
    if (data.categories().stream().mapToInt(String::length).sum() > 60) {
      chart.getStyler().setXAxisLabelRotation(30);
    }
    for (ChartData.Series s : data.series()) {
      // Every series needs every category; a combination that was not run draws no bar.
      List<Double> ys = new ArrayList<>();
      for (String category : data.categories()) {
        int i = s.xs().indexOf(category);
        ys.add(i < 0 ? null : s.ys().get(i));
      }
      chart.addSeries(s.name(), data.categories(), ys);
    }
    return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
  }

  /** A learning-curve chart as PNG bytes: a line per job (or per group, with its band). */
  static byte[] png(CurveChart data) throws IOException {
    System.setProperty("java.awt.headless", "true");
    XYChart chart =
        new XYChartBuilder()
            .width(WIDTH)
            .height(data.height())
            .title(data.metric() + " over " + data.xLabel())
            .xAxisTitle(data.xLabel())
            .yAxisTitle(data.metric())
            .build();
    style(chart.getStyler());
    chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    Color[] palette = chart.getStyler().getSeriesColors();
    int n = 0;
    for (CurveChart.Line line : data.lines()) {
      Color color = palette[line.color() % Math.min(palette.length, CurveChart.COLORS)];
      if (line.lower() != null) {
        // The band is one polygon: along the upper edge, back along the lower one.
        List<Double> xs = new ArrayList<>(line.xs());
        List<Double> ys = new ArrayList<>(line.upper());
        for (int i = line.xs().size() - 1; i >= 0; i--) {
          xs.add(line.xs().get(i));
          ys.add(line.lower().get(i));
        }
        XYSeries band = chart.addSeries("band " + n, xs, ys);
        band.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
        band.setFillColor(new Color(color.getRed(), color.getGreen(), color.getBlue(), 60));
        band.setLineColor(new Color(0, 0, 0, 0));
        band.setMarker(SeriesMarkers.NONE);
        band.setShowInLegend(false);
      }
      // XChart names series uniquely; the number keeps two jobs with one label apart.
      XYSeries series =
          chart.addSeries(
              line.inLegend() ? line.label() : "#" + n + " " + line.label(), line.xs(), line.ys());
      series.setLineColor(color);
      series.setMarkerColor(color);
      series.setMarker(SeriesMarkers.NONE);
      series.setShowInLegend(line.inLegend());
      n++;
    }
    return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
  }

  private static void style(org.knowm.xchart.style.AxesChartStyler styler) {
    styler.setChartBackgroundColor(Color.WHITE);
    styler.setPlotBorderVisible(false);
    styler.setPlotGridLinesColor(new Color(0xdd, 0xdd, 0xdd));
    styler.setLegendPosition(Styler.LegendPosition.OutsideS);
    styler.setLegendBorderColor(Color.WHITE);
    styler.setAntiAlias(true);
  }
}
