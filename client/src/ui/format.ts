/** Display formats shared by the HUD, the projector and the results. */
export { formatClock } from '../../../shared/match/scenario.js';
export { kubeAge } from '../../../shared/shell/duration.js';

/** 9950 (hundredths of a percent) → `99.50 %`. */
export function pct(hundredths: number): string {
  return `${(hundredths / 100).toFixed(hundredths >= 10000 ? 0 : 2)} %`;
}

/** 0.995 → `99.5 %`. */
export function pctOf(fraction: number, digits = 1): string {
  return `${(fraction * 100).toFixed(fraction >= 1 ? 0 : digits)} %`;
}

/** The availability tone: good from 99 %, bad under 95 %. */
export function availabilityTone(fraction: number): 'good' | 'warn' | 'bad' {
  return fraction >= 0.99 ? 'good' : fraction >= 0.95 ? 'warn' : 'bad';
}

/** Minutes of sim time, rounded: `12 min`. */
export function simMinutes(ms: number): string {
  return `${Math.max(0, Math.round(ms / 60_000))} min`;
}

/** One formatter for every number (creating one per call is slow with 60 rows). */
const NUMBER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export function number(n: number): string {
  return NUMBER.format(Math.round(n));
}
