import {
  BarController,
  BarElement,
  CategoryScale,
  type ChartComponentLike,
  Filler,
  Legend,
  LineController,
  LineElement,
  LinearScale,
  PointElement,
  SubTitle,
  Title,
  Tooltip,
} from 'chart.js';
import annotationPlugin from 'chartjs-plugin-annotation';

/**
 * What the dashboard draws, registered by provideCharts on the lazy route only (never in the initial bundle):
 * bar and line charts on category and linear axes, confidence bands (Filler), legend and tooltips, benchmark
 * lines (chartjs-plugin-annotation). Title and SubTitle appear only on downloaded images (heading and filters).
 */
export const CHART_REGISTERABLES: readonly ChartComponentLike[] = [
  BarController,
  BarElement,
  LineController,
  LineElement,
  PointElement,
  CategoryScale,
  LinearScale,
  Filler,
  Legend,
  Tooltip,
  Title,
  SubTitle,
  annotationPlugin,
];
