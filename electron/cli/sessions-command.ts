/**
 * `roller sessions <list | history | export | import | delete | reanalyze>`: the stored sessions
 * from the command line. The database is the app's (`roller.sqlite` in ROLLER_DATA_DIR, else the
 * app's data folder, see electron/session/data-dir.ts); it may be open in the app at the same
 * time. Problems the store found on opening (a damaged file kept aside, interrupted sessions)
 * are printed to stderr; expected failures are CliErrors or SessionStoreErrors naming what is
 * wrong (cli-main.ts prints them as one line, see cli-failure.ts).
 */
import { mkdirSync } from 'node:fs';
import { MotionSettingsSchema, SETTING_RANGES, type MotionSettings } from '../motion/motion-settings';
import { warningsIn, type SessionFigures } from '../motion/session-figures-schema';
import { clockText, percentText } from '../ipc/figure-text';
import { exportSessionFiles, localIsoTime } from '../session/session-export';
import { IMPORT_MAX_BYTES, IMPORT_MAX_SAMPLES, IMPORT_TIME_LIMITS } from '../session/import-limits';
import { importRecordingFile } from '../session/session-import';
import { dailyTotals, localDayStartMs, weeklyTrends } from '../session/session-history';
import { openSessionStore } from '../session/open-session-store';
import { profileSettings } from '../session/profile';
import { reanalyzeSession } from '../session/session-reanalysis';
import type { StoredSession } from '../session/session-records';
import type { SessionStore } from '../session/session-store';
import { CliError, numberFlag, parseArgs, stringFlag, type FlagSpec } from './cli-args';
import type { CliIo } from './cli-io';

/** 20000000 → "20 000 000". */
const grouped = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');

export const SESSIONS_USAGE = `usage: roller sessions <command> [arguments]

commands:
  list [--days N] [--limit N] [--json]     stored sessions, newest first, and today's rolling time
  history [--days N] [--json]              daily totals against the budget and weekly trends (default 28 days)
  export <id> [--out-dir DIR]              writes roller-session-<id>-<date>.csv (recording) and .json (summary)
                                           (DIR is created when missing)
  import <recording.csv>                   stores a recording as a session, analysed with the current engine;
                                           streamed (memory stays flat), all or nothing; takes up to
                                           ${grouped(IMPORT_MAX_SAMPLES)} samples spanning up to ${IMPORT_TIME_LIMITS.maxSpanS / 3600} h, files up to ${IMPORT_MAX_BYTES / 1024 ** 3} GiB
  delete <id> --yes                        removes a session and all its data
  reanalyze <id> [--profile] [--diameter-in D] [--neck-above-cm N] [--lumbar-below-cm L]
            [--height-cm H] [--speed-limit-in-per-s V]
                                           runs the current engine over the stored raw data again
                                           (with the session's settings, or the profile's with --profile)

The database lives in $ROLLER_DATA_DIR when set, else in the app's data folder.
`;

export interface SessionsCommandOptions {
  env?: Readonly<Record<string, string | undefined>>;
  /** Wall clock, ms since 1970. */
  now?: () => number;
  /** Folder for exports without --out-dir. */
  cwd?: string;
}

type Sub = (store: SessionStore, argv: readonly string[], io: CliIo, ctx: Required<SessionsCommandOptions>) => number;

const SUBCOMMANDS: Record<string, Sub> = { list, history, export: exportSub, import: importSub, delete: deleteSub, reanalyze };

export async function sessionsCommand(argv: readonly string[], io: CliIo, options: SessionsCommandOptions = {}): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    (name ? io.stdout : io.stderr).write(SESSIONS_USAGE);
    return name ? 0 : 2;
  }
  const sub = SUBCOMMANDS[name];
  if (!sub) throw new CliError(`unknown sessions command "${name}" (known: ${Object.keys(SUBCOMMANDS).join(', ')}); see roller sessions help`);
  const ctx: Required<SessionsCommandOptions> = { env: options.env ?? process.env, now: options.now ?? Date.now, cwd: options.cwd ?? process.cwd() };
  const opened = openSessionStore({ env: ctx.env, now: ctx.now });
  for (const notice of opened.notices) io.stderr.write(`roller sessions: ${notice}\n`);
  try {
    return sub(opened.store, rest, io, ctx);
  } finally {
    opened.store.close();
  }
}

// ---------- list ----------

const LIST_FLAGS: Record<string, FlagSpec> = {
  days: { kind: 'number', min: 1, max: 36600 },
  limit: { kind: 'number', min: 1, max: 1_000_000 },
  json: { kind: 'boolean' },
};

function list(store: SessionStore, argv: readonly string[], io: CliIo, ctx: Required<SessionsCommandOptions>): number {
  const args = parseArgs(argv, LIST_FLAGS);
  noPositional(args.positional, 'list');
  const days = numberFlag(args, 'days');
  const now = ctx.now();
  const sessions = store.listSessions({ ...(days !== undefined ? { fromMs: now - days * 86_400_000 } : {}), ...(numberFlag(args, 'limit') !== undefined ? { limit: Math.floor(numberFlag(args, 'limit')!) } : {}) });
  if (args.flags.has('json')) {
    io.stdout.write(`${JSON.stringify(sessions.map(sessionJson), null, 2)}\n`);
    return 0;
  }
  if (sessions.length === 0) {
    io.stdout.write(`no sessions stored in ${store.path}\n`);
    return 0;
  }
  const rows = sessions.map((s) => [
    String(s.id),
    localIsoTime(s.startedAt, s.utcOffsetMin).slice(0, 16).replace('T', ' '),
    s.summary ? clockText(s.summary.durationS) : '—',
    s.summary ? clockText(s.summary.rollingS) : '—',
    s.summary ? percentText(s.summary.withinLimitShare) : '—',
    s.summary ? String(s.summary.warnings) : '—',
    s.source,
    s.state === 'recording' ? 'recording…' : (s.endReason ?? ''),
  ]);
  io.stdout.write(table(['id', 'started', 'length', 'rolling', 'within limit', 'warnings', 'source', 'end'], rows, [0, 2, 3, 4, 5]));
  const offset = -new Date(now).getTimezoneOffset();
  const today = store.rollingTimeBetween(localDayStartMs(now, offset), now + 1);
  const budgetMin = store.getProfile().dailyBudgetMin;
  io.stdout.write(`\ntoday: ${clockText(today)} rolling of the ${budgetMin}-minute daily budget\n`);
  return 0;
}

function sessionJson(s: StoredSession): Record<string, unknown> {
  return {
    id: s.id,
    startedAt: localIsoTime(s.startedAt, s.utcOffsetMin),
    endedAt: s.endedAt === null ? null : localIsoTime(s.endedAt, s.utcOffsetMin),
    state: s.state,
    endReason: s.endReason,
    source: s.source,
    sensor: s.sensor,
    dataKind: s.dataKind,
    engineVersion: s.engineVersion,
    durationS: s.summary?.durationS ?? null,
    rollingS: s.summary?.rollingS ?? null,
    withinLimitShare: s.summary?.withinLimitShare ?? null,
    warnings: s.summary?.warnings ?? null,
    eventCounts: s.summary?.eventCounts ?? null,
    figures: s.summary,
  };
}

// ---------- history ----------

const HISTORY_FLAGS: Record<string, FlagSpec> = { days: { kind: 'number', min: 1, max: 36600 }, json: { kind: 'boolean' } };

function history(store: SessionStore, argv: readonly string[], io: CliIo, ctx: Required<SessionsCommandOptions>): number {
  const args = parseArgs(argv, HISTORY_FLAGS);
  noPositional(args.positional, 'history');
  const days = numberFlag(args, 'days') ?? 28;
  const sessions = store.listSessions({ fromMs: ctx.now() - days * 86_400_000, order: 'oldest' });
  const budgetMin = store.getProfile().dailyBudgetMin;
  const daily = dailyTotals(sessions, budgetMin);
  const weekly = weeklyTrends(sessions, budgetMin);
  if (args.flags.has('json')) {
    io.stdout.write(`${JSON.stringify({ dailyBudgetMin: budgetMin, days: daily, weeks: weekly }, null, 2)}\n`);
    return 0;
  }
  if (sessions.length === 0) {
    io.stdout.write(`no sessions in the last ${days} days\n`);
    return 0;
  }
  io.stdout.write(
    table(
      ['day', 'sessions', 'rolling', 'of budget', 'warnings', 'notes'],
      daily.map((d) => [
        d.day,
        String(d.sessionIds.length),
        clockText(d.rollingS),
        `${Math.round(d.budgetShare * 100)} %`,
        String(warningsIn(d.warnings)),
        [d.overBudget ? 'over budget' : '', d.stoppedForPain > 0 ? `${d.stoppedForPain} stopped for pain` : '', d.interrupted > 0 ? `${d.interrupted} interrupted` : ''].filter(Boolean).join(', '),
      ]),
      [1, 2, 3, 4],
    ),
  );
  io.stdout.write('\n');
  io.stdout.write(
    table(
      ['week of', 'sessions', 'days', 'rolling', 'within limit', 'warnings/session'],
      weekly.map((w) => [w.weekStart, String(w.sessions), String(w.activeDays), clockText(w.rollingS), w.withinLimitShare === null ? '—' : percentText(w.withinLimitShare), w.warningsPerSession.toFixed(1)]),
      [1, 2, 3, 4, 5],
    ),
  );
  return 0;
}

// ---------- export / import / delete ----------

function exportSub(store: SessionStore, argv: readonly string[], io: CliIo, ctx: Required<SessionsCommandOptions>): number {
  const args = parseArgs(argv, { 'out-dir': { kind: 'string' } });
  const id = sessionId(args.positional, 'export');
  const outDir = stringFlag(args, 'out-dir');
  if (outDir !== undefined) makeFolder(outDir);
  const files = exportSessionFiles(store, id, outDir ?? ctx.cwd);
  io.stdout.write(`session ${id} → ${files.csvPath} (${files.samples} samples), ${files.jsonPath}\n`);
  return 0;
}

/** Creates `dir` (and its parents) when missing. */
function makeFolder(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (err) {
    throw new CliError(`--out-dir ${dir}: cannot create the folder (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
}

function importSub(store: SessionStore, argv: readonly string[], io: CliIo, ctx: Required<SessionsCommandOptions>): number {
  const args = parseArgs(argv, {});
  const [file, ...extra] = args.positional;
  if (!file) throw new CliError('import needs a recording: roller sessions import <recording.csv>');
  if (extra.length > 0) throw new CliError(`import takes one recording, got also: ${extra.join(' ')}`);
  const result = importRecordingFile(store, file, { settings: profileSettings(store.getProfile()), now: ctx.now() });
  for (const w of result.warnings) io.stderr.write(`roller sessions import: ${file}: ${w}\n`);
  const s = result.session;
  io.stdout.write(`imported ${file} as session ${s.id}: ${result.samples} samples, ${describeSummary(s.summary)}\n`);
  return 0;
}

function deleteSub(store: SessionStore, argv: readonly string[], io: CliIo): number {
  const args = parseArgs(argv, { yes: { kind: 'boolean' } });
  const id = sessionId(args.positional, 'delete');
  const s = store.getSession(id);
  if (s.state === 'recording') throw new CliError(`session ${id} is being recorded right now; stop it in the app first`);
  if (!args.flags.has('yes')) throw new CliError(`delete removes session ${id} (${localIsoTime(s.startedAt, s.utcOffsetMin).slice(0, 16).replace('T', ' ')}) and all its data for good; add --yes to confirm`);
  store.deleteSession(id);
  io.stdout.write(`deleted session ${id}\n`);
  return 0;
}

// ---------- reanalyze ----------

const REANALYZE_FLAGS: Record<string, FlagSpec> = {
  profile: { kind: 'boolean' },
  'diameter-in': { kind: 'number', ...SETTING_RANGES.rollerDiameterIn },
  'neck-above-cm': { kind: 'number', ...SETTING_RANGES.neckAboveCm },
  'lumbar-below-cm': { kind: 'number', ...SETTING_RANGES.lumbarBelowCm },
  'height-cm': { kind: 'number', ...SETTING_RANGES.bodyHeightCm },
  'speed-limit-in-per-s': { kind: 'number', ...SETTING_RANGES.speedLimitInPerS },
};

function reanalyze(store: SessionStore, argv: readonly string[], io: CliIo, ctx: Required<SessionsCommandOptions>): number {
  const args = parseArgs(argv, REANALYZE_FLAGS);
  const id = sessionId(args.positional, 'reanalyze');
  const session = store.getSession(id);
  const base: MotionSettings = args.flags.has('profile') ? profileSettings(store.getProfile(), { priorDailyRollingS: session.settings.priorDailyRollingS }) : session.settings;
  const overrides = {
    rollerDiameterIn: numberFlag(args, 'diameter-in'),
    neckAboveCm: numberFlag(args, 'neck-above-cm'),
    lumbarBelowCm: numberFlag(args, 'lumbar-below-cm'),
    bodyHeightCm: numberFlag(args, 'height-cm'),
    speedLimitInPerS: numberFlag(args, 'speed-limit-in-per-s'),
  };
  const parsed = MotionSettingsSchema.safeParse({ ...base, ...Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)) });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CliError(`settings: ${issue?.path.join('.') ?? '?'}: ${issue?.message ?? 'invalid'}`);
  }
  const r = reanalyzeSession(store, id, { settings: parsed.data, now: ctx.now() });
  const after = r.session.summary;
  const before = r.before.summary;
  const change = (f: (s: SessionFigures) => string) => `${before ? f(before) : '—'} → ${after ? f(after) : '—'}`;
  io.stdout.write(
    `session ${id} re-analysed with ${r.session.engineVersion} (was ${r.before.engineVersion}) over ${r.samples} samples:\n` +
      `  rolling ${change((s) => clockText(s.rollingS))}, within the limit ${change((s) => percentText(s.withinLimitShare))}, warnings ${change((s) => String(s.warnings))}\n`,
  );
  if (r.report.rejections.length > 0) io.stderr.write(`roller sessions reanalyze: ${r.report.decoder?.rejected ?? r.report.rejections.length} stored frames could not be decoded, e.g. ${r.report.rejections[0]}\n`);
  return 0;
}

// ---------- helpers ----------

function sessionId(positional: readonly string[], command: string): number {
  const [raw, ...extra] = positional;
  if (raw === undefined) throw new CliError(`${command} needs a session id (see roller sessions list)`);
  if (extra.length > 0) throw new CliError(`${command} takes one session id, got also: ${extra.join(' ')}`);
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || !Number.isSafeInteger(Number(raw))) throw new CliError(`"${raw}" is not a session id: use the number shown by roller sessions list`);
  return Number(raw);
}

function noPositional(positional: readonly string[], command: string): void {
  if (positional.length > 0) throw new CliError(`${command} takes no arguments besides flags, got: ${positional.join(' ')}`);
}

function describeSummary(s: SessionFigures | null): string {
  if (!s) return 'no summary';
  const w = s.warnings;
  return `${clockText(s.durationS)} long, ${clockText(s.rollingS)} rolling, ${w} warning${w === 1 ? '' : 's'}`;
}

/** A plain-text table; columns listed in `right` are right-aligned. */
function table(header: readonly string[], rows: readonly string[][], right: readonly number[]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, c) => (right.includes(c) ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!)))
      .join('  ')
      .trimEnd();
  return `${[line(header), ...rows.map(line)].join('\n')}\n`;
}
