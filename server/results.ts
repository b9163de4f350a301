/**
 * Results of finished shifts, written to the data directory as JSON (and CSV) so that they
 * survive a restart; the host downloads them with the host token.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { LeaderRow } from '../shared/match/match.js';
import { CODE_PATTERN } from '../shared/protocol.js';

export interface ShiftResults {
  code: string;
  scenario: string;
  mode: string;
  minutes: number;
  seed: number;
  finishedAt: string;
  /** sha256 of the host token: the file never holds the token itself. */
  hostTokenHash: string;
  rows: (Omit<LeaderRow, 'townId'> & { series: (number | null)[] })[];
  incidents: { at: string; type: string; title: string }[];
}

export function tokenHash(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

export class ResultsStore {
  constructor(readonly dir: string) {}

  private file(code: string, ext: 'json' | 'csv'): string {
    return path.join(this.dir, 'results', `${code}.${ext}`);
  }

  save(r: ShiftResults): void {
    fs.mkdirSync(path.join(this.dir, 'results'), { recursive: true });
    const json = this.file(r.code, 'json');
    // Write then rename: a crash mid-write never leaves half a file.
    fs.writeFileSync(`${json}.tmp`, JSON.stringify(r, null, 2));
    fs.renameSync(`${json}.tmp`, json);
    fs.writeFileSync(`${this.file(r.code, 'csv')}.tmp`, toCsv(r));
    fs.renameSync(`${this.file(r.code, 'csv')}.tmp`, this.file(r.code, 'csv'));
  }

  load(code: string): ShiftResults | undefined {
    if (!CODE_PATTERN.test(code)) return undefined;
    try {
      return JSON.parse(fs.readFileSync(this.file(code, 'json'), 'utf8')) as ShiftResults;
    } catch {
      return undefined;
    }
  }

  /** The results if `token` is the shift's host token. */
  authorized(code: string, token: string | undefined): ShiftResults | undefined {
    const r = this.load(code);
    if (!r || !token) return undefined;
    const a = Buffer.from(r.hostTokenHash, 'hex');
    const b = Buffer.from(tokenHash(token), 'hex');
    return a.length === b.length && crypto.timingSafeEqual(a, b) ? r : undefined;
  }
}

const COLUMNS = ['rank', 'name', 'kind', 'score', 'availability', 'served', 'lost', 'incidents', 'recovered', 'mean_time_to_recover_s', 'manual_commands', 'declarative_changes', 'commands', 'extra_cost', 'connected'];

export function toCsv(r: ShiftResults): string {
  const lines = [COLUMNS.join(',')];
  for (const row of r.rows) {
    lines.push(
      [
        row.rank,
        csvText(row.name),
        row.kind,
        row.score,
        row.availability.toFixed(4),
        Math.round(row.served),
        Math.round(row.lost),
        row.incidents,
        row.recovered,
        row.meanRecoverMs === undefined ? '' : Math.round(row.meanRecoverMs / 1000),
        row.manual,
        row.declarative,
        row.commands,
        row.cost.toFixed(2),
        row.connected,
      ].join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}

/** A CSV cell that cannot be read as a formula by a spreadsheet. */
function csvText(s: string): string {
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return `"${safe.replace(/"/g, '""')}"`;
}
