/**
 * The what-if panel's two charts, drawn as inline SVG with the sidebar's text-only svg() helper:
 * no chart library (the sidebar loads nothing from the web) and no markup from the data — every
 * label is a text node. Sized for the 300 px panel. Positions are floats (pixels); the money in
 * labels is formatted from the exact fen figures.
 */
import { svg } from './dom';

const WIDTH = 276;
const HEIGHT = 150;
const PAD = { left: 8, right: 8, top: 14, bottom: 22 };
const PLOT_W = WIDTH - PAD.left - PAD.right;
const PLOT_H = HEIGHT - PAD.top - PAD.bottom;

export interface Point {
  x: number;
  y: number;
}

export interface LineChart {
  testId: string;
  title: string;
  points: Point[];
  /** A horizontal line (the budget) with its label. */
  level?: { y: number; label: string };
  /** The answer, marked and labelled. */
  marker?: { x: number; y: number; label: string };
  xLabel: (x: number) => string;
}

export interface BarChart {
  testId: string;
  title: string;
  bars: { label: string; value: number; valueLabel: string }[];
}

function frame(testId: string, title: string, children: SVGElement[]): SVGSVGElement {
  return svg('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, width: WIDTH, height: HEIGHT, role: 'img', class: 'chart', 'data-testid': testId }, [
    svg('title', { text: title }),
    svg('line', { x1: PAD.left, y1: PAD.top + PLOT_H, x2: PAD.left + PLOT_W, y2: PAD.top + PLOT_H, class: 'axis' }),
    ...children,
  ]);
}

const round = (n: number) => Math.round(n * 10) / 10;

/** y against x, from 0: the cash a coefficient pays, with the budget as a level and the answer marked. */
export function lineChart(chart: LineChart): SVGSVGElement {
  const xMax = Math.max(...chart.points.map((p) => p.x), chart.marker ? chart.marker.x : 0) || 1;
  const yMax = Math.max(...chart.points.map((p) => p.y), chart.level ? chart.level.y : 0, chart.marker ? chart.marker.y : 0) || 1;
  const px = (x: number) => round(PAD.left + (x / xMax) * PLOT_W);
  const py = (y: number) => round(PAD.top + PLOT_H - (y / yMax) * PLOT_H);
  const parts: SVGElement[] = [
    svg('polyline', { class: 'series', fill: 'none', points: chart.points.map((p) => `${px(p.x)},${py(p.y)}`).join(' ') }),
    svg('text', { x: PAD.left, y: HEIGHT - 6, class: 'tick', text: chart.xLabel(0) }),
    svg('text', { x: PAD.left + PLOT_W, y: HEIGHT - 6, class: 'tick end', text: chart.xLabel(xMax) }),
  ];
  if (chart.level) {
    const y = py(chart.level.y);
    parts.push(svg('line', { x1: PAD.left, y1: y, x2: PAD.left + PLOT_W, y2: y, class: 'level', 'data-testid': `${chart.testId}-level` }));
    parts.push(svg('text', { x: PAD.left + PLOT_W, y: Math.max(10, y - 3), class: 'tick end', text: chart.level.label }));
  }
  if (chart.marker) {
    const x = px(chart.marker.x);
    const y = py(chart.marker.y);
    parts.push(svg('circle', { cx: x, cy: y, r: 3.5, class: 'marker', 'data-testid': `${chart.testId}-marker` }));
    parts.push(svg('text', { x: Math.min(x + 5, PAD.left + PLOT_W - 60), y: Math.min(y + 12, PAD.top + PLOT_H - 4), class: 'tick', text: chart.marker.label }));
  }
  return frame(chart.testId, chart.title, parts);
}

/** One bar per item, labelled under it, its value above it; negative values are drawn as 0. */
export function barChart(chart: BarChart): SVGSVGElement {
  const max = Math.max(...chart.bars.map((b) => b.value), 0) || 1;
  const slot = PLOT_W / Math.max(1, chart.bars.length);
  const parts: SVGElement[] = [];
  chart.bars.forEach((bar, i) => {
    const h = round((Math.max(0, bar.value) / max) * (PLOT_H - 10));
    const x = round(PAD.left + i * slot + slot * 0.15);
    const w = round(slot * 0.7);
    const top = PAD.top + PLOT_H - h;
    parts.push(svg('rect', { x, y: top, width: w, height: h, class: 'column', 'data-value': bar.value }));
    parts.push(svg('text', { x: round(x + w / 2), y: top - 3, class: 'tick mid', text: bar.valueLabel }));
    parts.push(svg('text', { x: round(x + w / 2), y: HEIGHT - 6, class: 'tick mid', text: bar.label }));
  });
  return frame(chart.testId, chart.title, parts);
}
