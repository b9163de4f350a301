/**
 * A scenario is a night, written as YAML in `assets/scenarios/`: how many workers, how many
 * requests per second over the night, scripted incidents at fixed times and random ones drawn
 * from the match seed. Teachers can add their own; a bad file gets a clear message naming
 * the line and the field.
 */
import { parseDocument, isMap } from 'yaml';
import { z } from 'zod';

export const SHIFT_MS = 6 * 3600_000;

export const INCIDENT_TYPES = [
  'crash',
  'oom',
  'powerLoss',
  'reboot',
  'diskFill',
  'badRelease',
  'registryDown',
  'trafficSpike',
  'controlPlaneDown',
  'portClash',
  'ticket',
] as const;
export type IncidentType = (typeof INCIDENT_TYPES)[number];

/** `03:00` → sim ms (00:00 → 06:00 of the night). */
export function parseClock(s: string): number | undefined {
  const m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(s.trim());
  if (!m) return undefined;
  const h = Number(m[1]);
  const min = Number(m[2]);
  const sec = Number(m[3] ?? 0);
  if (min > 59 || sec > 59) return undefined;
  return ((h * 60 + min) * 60 + sec) * 1000;
}

/** Sim ms → `03:07`. */
export function formatClock(ms: number): string {
  const t = Math.max(0, Math.floor(ms / 60_000));
  return `${String(Math.floor(t / 60)).padStart(2, '0')}:${String(t % 60).padStart(2, '0')}`;
}

const clock = z.string().refine((s) => parseClock(s) !== undefined, { message: 'must be a time like "03:00"' });
const duration = z.string().refine((s) => parseClock(s) !== undefined, { message: 'must be a duration like "00:20" (hours:minutes)' });
const text = z.union([z.string(), z.record(z.string(), z.string())]);

const incidentFields = {
  type: z.enum(INCIDENT_TYPES),
  node: z.string().optional(),
  duration: duration.optional(),
  factor: z.number().positive().max(20).optional(),
  tag: z.string().optional(),
  gibPerRun: z.number().positive().max(100).optional(),
  every: duration.optional(),
  runs: z.number().int().positive().max(200).optional(),
  title: text.optional(),
  message: text.optional(),
};

const scripted = z.object({ at: clock, ...incidentFields }).strict();
const random = z.object({ between: z.tuple([clock, clock]), count: z.number().int().min(1).max(50), ...incidentFields }).strict();

const scenarioSchema = z
  .object({
    name: z.string().regex(/^[a-z0-9][a-z0-9-]{0,31}$/, 'must be lowercase letters, digits and dashes'),
    title: text,
    description: text,
    difficulty: z.enum(['gentle', 'standard', 'hard']).default('standard'),
    workers: z.number().int().min(1).max(20).default(3),
    capacityRps: z.number().positive().max(10_000).default(40),
    nodeCostPerHour: z.number().min(0).max(1000).default(1),
    demand: z.array(z.object({ at: clock, rps: z.number().min(0).max(100_000) }).strict()).min(1),
    incidents: z.array(scripted).default([]),
    random: z.array(random).default([]),
  })
  .strict();

export type Text = string | Record<string, string>;

export interface IncidentSpec {
  type: IncidentType;
  node?: string;
  /** Sim ms the incident lasts (power back, registry back, spike over...). */
  durationMs?: number;
  factor?: number;
  tag?: string;
  gibPerRun?: number;
  everyMs?: number;
  runs?: number;
  title?: Text;
  message?: Text;
}

export interface ScheduledIncident extends IncidentSpec {
  at: number;
}

export interface Scenario {
  name: string;
  title: Text;
  description: Text;
  difficulty: 'gentle' | 'standard' | 'hard';
  workers: number;
  capacityRps: number;
  nodeCostPerHour: number;
  demand: { at: number; rps: number }[];
  incidents: ScheduledIncident[];
  random: (IncidentSpec & { between: [number, number]; count: number })[];
}

export type ScenarioResult = { ok: true; scenario: Scenario } | { ok: false; error: string };

const MAX_SCENARIO_BYTES = 64 * 1024;

/** Parses and validates a scenario file; errors name the file, the field and the line. */
export function parseScenario(fileName: string, source: string): ScenarioResult {
  if (source.length > MAX_SCENARIO_BYTES) return { ok: false, error: `${fileName}: too large (${source.length} bytes, at most ${MAX_SCENARIO_BYTES})` };
  let doc;
  try {
    doc = parseDocument(source, { prettyErrors: false });
  } catch (e) {
    return { ok: false, error: `${fileName}: ${(e as Error).message}` };
  }
  if (doc.errors.length) {
    const e = doc.errors[0];
    const line = e.linePos?.[0]?.line;
    return { ok: false, error: `${fileName}${line ? `:${line}` : ''}: ${e.message.split('\n')[0]}` };
  }
  if (!isMap(doc.contents)) return { ok: false, error: `${fileName}: a scenario is a YAML mapping (name:, title:, demand:, ...)` };
  const parsed = scenarioSchema.safeParse(doc.toJS({ maxAliasCount: 50 }));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue.path.map(String);
    const keys = path.map((p) => (/^\d+$/.test(p) ? Number(p) : p));
    let node = (keys.length ? doc.getIn(keys, true) : doc.contents) as { range?: [number, number]; items?: { key?: { value?: unknown; range?: [number, number] } }[] } | undefined;
    // An unknown key: point at the key itself.
    if (issue.code === 'unrecognized_keys' && node?.items) node = node.items.find((i) => i.key?.value === issue.keys[0])?.key ?? node;
    const line = node?.range ? source.slice(0, node.range[0]).split('\n').length : undefined;
    return { ok: false, error: `${fileName}${line ? `:${line}` : ''}: ${path.join('.') || '(top)'}: ${issue.message}` };
  }
  const s = parsed.data;
  const toSpec = (i: z.infer<typeof scripted> | z.infer<typeof random>): IncidentSpec => ({
    type: i.type,
    node: i.node,
    durationMs: i.duration ? parseClock(i.duration) : undefined,
    factor: i.factor,
    tag: i.tag,
    gibPerRun: i.gibPerRun,
    everyMs: i.every ? parseClock(i.every) : undefined,
    runs: i.runs,
    title: i.title,
    message: i.message,
  });
  const demand = s.demand.map((d) => ({ at: parseClock(d.at)!, rps: d.rps })).sort((a, b) => a.at - b.at);
  for (const d of demand) if (d.at > SHIFT_MS) return { ok: false, error: `${fileName}: demand: ${formatClock(d.at)} is after the end of the shift (06:00)` };
  const workerNames = new Set(Array.from({ length: s.workers }, (_, i) => `node-${i + 1}`).concat('control-plane'));
  for (const i of [...s.incidents, ...s.random]) {
    if (i.node && !workerNames.has(i.node)) return { ok: false, error: `${fileName}: incident ${i.type}: node "${i.node}" is not in this town (node-1..node-${s.workers}, control-plane)` };
    if ((i.type === 'powerLoss' || i.type === 'reboot' || i.type === 'diskFill') && !i.node && !('between' in i)) {
      return { ok: false, error: `${fileName}: incident ${i.type} at ${'at' in i ? i.at : '?'}: needs a node` };
    }
    if (i.type === 'trafficSpike' && !i.factor) return { ok: false, error: `${fileName}: incident trafficSpike: needs a factor (e.g. 2)` };
  }
  return {
    ok: true,
    scenario: {
      name: s.name,
      title: s.title,
      description: s.description,
      difficulty: s.difficulty,
      workers: s.workers,
      capacityRps: s.capacityRps,
      nodeCostPerHour: s.nodeCostPerHour,
      demand,
      incidents: s.incidents.map((i) => ({ ...toSpec(i), at: parseClock(i.at)! })).sort((a, b) => a.at - b.at),
      random: s.random.map((r) => ({ ...toSpec(r), between: [parseClock(r.between[0])!, parseClock(r.between[1])!] as [number, number], count: r.count })),
    },
  };
}

/** Requests per second at sim time `t`, linear between the points of the curve. */
export function demandAt(s: Scenario, t: number): number {
  const d = s.demand;
  if (t <= d[0].at) return d[0].rps;
  for (let i = 1; i < d.length; i++) {
    if (t <= d[i].at) {
      const a = d[i - 1];
      const b = d[i];
      return a.rps + ((b.rps - a.rps) * (t - a.at)) / Math.max(1, b.at - a.at);
    }
  }
  return d[d.length - 1].rps;
}

/** A text in the reader's language (English when missing). */
export function localized(t: Text | undefined, lang = 'en'): string {
  if (t === undefined) return '';
  if (typeof t === 'string') return t;
  return t[lang] ?? t.en ?? Object.values(t)[0] ?? '';
}
