/**
 * The digest's trend picture: for each of the last weeks, the children due a visit (a pale bar)
 * and those seen when we said we would (a dark bar inside it), labelled "2 of 5" so no figure is a
 * bare percentage. Drawn by Chart.js on a Skia canvas (@napi-rs/canvas) into a PNG, carried in the
 * card as a data URI: no image host to secure, nothing fetched by the phone. The font is bundled,
 * so the picture is the same on a server without system fonts. The card's alt text says it in words.
 */
import type { SKRSContext2D } from '@napi-rs/canvas';
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import type * as ChartJs from 'chart.js' with { 'resolution-mode': 'import' };
import type { TrendWeek } from '../domain/digest-weeks';
import { TREND_LABELS } from '../text/teams/digest';

// chart.js ships CommonJS for require() but only ES module types, so the types come in as such.
/* eslint-disable @typescript-eslint/no-require-imports */
const { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale } =
  require('chart.js') as typeof ChartJs;
/* eslint-enable @typescript-eslint/no-require-imports */

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend);

const FONT = 'Hearth Inter';
let fontLoaded = false;
function loadFont(): void {
  if (fontLoaded) return;
  GlobalFonts.registerFromPath(
    require.resolve('@expo-google-fonts/inter/400Regular/Inter_400Regular.ttf'),
    FONT,
  );
  fontLoaded = true;
}

// GOV.UK colours: dark blue on white is 5.2:1; the pale bar is a shape, its label is dark text.
const SEEN = '#1d70b8';
const DUE = '#c8d7e6';
const TEXT = '#0b0c0c';

const WIDTH = 560;
const HEIGHT = 300;

/** Writes "seen of due" above each week's bar. */
const countLabels: ChartJs.Plugin<'bar'> = {
  id: 'hearthCounts',
  afterDatasetsDraw(chart) {
    // Chart.js types its context as the browser's; here it is Skia's, which has the same drawing calls.
    const ctx = chart.ctx as unknown as SKRSContext2D;
    const due = chart.getDatasetMeta(1);
    const weeks = chart.data.labels ?? [];
    ctx.save();
    ctx.fillStyle = TEXT;
    ctx.font = `17px "${FONT}"`;
    ctx.textAlign = 'center';
    weeks.forEach((_, i) => {
      const bar = due.data[i];
      const seen = chart.data.datasets[0]?.data[i] as number;
      const total = chart.data.datasets[1]?.data[i] as number;
      if (!bar) return;
      ctx.fillText(total === 0 ? TREND_LABELS.noneDue : TREND_LABELS.count(seen, total), bar.x, bar.y - 6);
    });
    ctx.restore();
  },
};

/** The trend as a PNG data URI. */
export function renderTrendChart(weeks: readonly TrendWeek[]): string {
  loadFont();
  const canvas = createCanvas(WIDTH, HEIGHT);
  const most = Math.max(1, ...weeks.map((w) => w.due));
  const config: ChartJs.ChartConfiguration<'bar'> = {
    type: 'bar',
    data: {
      labels: weeks.map((w) => TREND_LABELS.week(w.weekStart)),
      datasets: [
        { label: TREND_LABELS.seen, data: weeks.map((w) => w.seenInTime), backgroundColor: SEEN },
        { label: TREND_LABELS.due, data: weeks.map((w) => w.due), backgroundColor: DUE },
      ],
    },
    options: {
      animation: false,
      responsive: false,
      devicePixelRatio: 1,
      layout: { padding: { top: 8, right: 8 } },
      font: { family: FONT, size: 15 },
      color: TEXT,
      datasets: { bar: { grouped: false, categoryPercentage: 0.8, barPercentage: 0.9 } },
      plugins: {
        legend: { labels: { color: TEXT, font: { family: FONT, size: 16 }, boxWidth: 18 } },
      },
      scales: {
        x: { ticks: { color: TEXT, font: { family: FONT, size: 15 } }, grid: { display: false } },
        // Room above the tallest bar for its label.
        y: { display: false, min: 0, max: Math.ceil(most * 1.2) },
      },
    },
    plugins: [countLabels],
  };
  // Chart.js draws on any 2D context; Skia's is close enough to the browser's for bars and text.
  const chart = new Chart(canvas.getContext('2d'), config);
  const png = canvas.toBuffer('image/png');
  chart.destroy();
  return `data:image/png;base64,${png.toString('base64')}`;
}
