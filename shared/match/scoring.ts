/**
 * One score that rewards availability first: 1000 points for serving every request, minus
 * the cost of servers beyond the ones the town started with. Ties go to the player who
 * did less by hand. The rule is shown on screen as written here.
 */
import type { Town } from './town.js';

export const SCORE_RULE = {
  en: 'Score = 1000 × availability − 1 point per extra server-hour. Ties: fewer commands typed by hand.',
  es: 'Puntos = 1000 × disponibilidad − 1 punto por cada hora de servidor extra. Empate: menos comandos a mano.',
};

export function score(town: Town): number {
  return Math.round(1000 * town.availability - town.extraCost);
}

export interface Ranked {
  id: string;
  score: number;
  manual: number;
  name: string;
}

/** Ranks 1..n by score, then fewer manual commands, then name; equal entries share a rank. */
export function rank<T extends Ranked>(rows: T[]): (T & { rank: number })[] {
  const sorted = [...rows].sort((a, b) => b.score - a.score || a.manual - b.manual || a.name.localeCompare(b.name));
  let rankNo = 0;
  return sorted.map((r, i) => {
    const prev = sorted[i - 1];
    if (!prev || prev.score !== r.score || prev.manual !== r.manual) rankNo = i + 1;
    return { ...r, rank: rankNo };
  });
}
