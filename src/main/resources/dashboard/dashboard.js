/*
 * Oversight governance dashboard: draws each chart of the page with Apache ECharts from the
 * JSON in its figure's data-chart attribute (written by the server; the same numbers are in the
 * table beside it). No inline script or style: the page's Content Security Policy forbids them,
 * so the tooltips are drawn on the canvas (renderMode "richText") instead of as HTML.
 */
(function () {
  'use strict';

  function axisOf(spec) {
    var category = {
      type: 'category',
      data: spec.categories,
      axisLabel: { interval: 0, width: 200, overflow: 'truncate' }
    };
    var value = { type: 'value', minInterval: 1 };
    if (spec.horizontal) {
      category.inverse = true;
      return { x: [value], y: [category] };
    }
    if (spec.categories.length > 6) {
      category.axisLabel.rotate = 30;
    }
    var y = [value];
    if (spec.percentAxis) {
      y.push({ type: 'value', min: 0, max: 100, name: '%', splitLine: { show: false } });
    }
    return { x: [category], y: y };
  }

  function optionOf(spec) {
    var axes = axisOf(spec);
    return {
      animation: false,
      color: spec.series.map(function (s) { return s.color; }),
      tooltip: { trigger: 'axis', renderMode: 'richText', axisPointer: { type: 'shadow' } },
      legend: { top: 0, type: 'scroll' },
      grid: { left: 8, right: 24, bottom: 8, top: 40, containLabel: true },
      xAxis: axes.x,
      yAxis: axes.y,
      series: spec.series.map(function (s) {
        var series = {
          name: s.name,
          type: s.kind || 'bar',
          data: s.values,
          itemStyle: { color: s.color },
          barMaxWidth: 32
        };
        if (s.stack) {
          series.stack = s.stack;
        }
        if (s.kind === 'line') {
          series.yAxisIndex = s.axis || 0;
          series.connectNulls = false;
          series.symbolSize = 8;
          series.lineStyle = { color: s.color, width: 3 };
        }
        return series;
      })
    };
  }

  function draw(figure) {
    var canvas = figure.querySelector('.chart__canvas');
    var spec;
    try {
      spec = JSON.parse(figure.getAttribute('data-chart'));
    } catch (e) {
      figure.setAttribute('data-chart-state', 'invalid');
      return null;
    }
    if (!canvas || !spec || spec.categories.length === 0) {
      figure.classList.add('chart--empty');
      figure.setAttribute('data-chart-state', 'empty');
      return null;
    }
    var chart = echarts.init(canvas, null, { renderer: 'canvas' });
    chart.setOption(optionOf(spec));
    figure.setAttribute('data-chart-state', 'drawn');
    return chart;
  }

  function start() {
    if (typeof echarts === 'undefined') {
      return; // the tables carry every figure
    }
    var charts = [];
    document.querySelectorAll('figure[data-chart]').forEach(function (figure) {
      var chart = draw(figure);
      if (chart) {
        charts.push(chart);
      }
    });
    window.addEventListener('resize', function () {
      charts.forEach(function (chart) { chart.resize(); });
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
