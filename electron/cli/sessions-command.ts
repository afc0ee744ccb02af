/**
 * `roller sessions <list | show | history | export | import | delete | reanalyze>`: the stored sessions
 * from the command line. The database is the app's (`roller.sqlite` in ROLLER_DATA_DIR, else the
 * app's data folder, see electron/session/data-dir.ts); it may be open in the app at the same
 * time. Problems the store found on opening (a damaged file kept aside, interrupted sessions)
 * are printed to stderr; expected failures are CliErrors or SessionStoreErrors naming what is
 * wrong (cli-main.ts prints them as one line, see cli-failure.ts).
 */
import { mkdirSync } from 'node:fs';
import { MotionSettingsSchema, type MotionSettings } from '../motion/motion-settings';
import { warningsIn, type SessionFigures } from '../motion/session-figures-schema';
import { clockText, noteMarkerText, percentText } from '../ipc/figure-text';
import { routineJson, routineName } from '../session/routine-name';
import { exportSessionFiles, localIsoTime } from '../session/session-export';
import { alreadyStoredText, importRecordingFile } from '../session/session-import';
import type { SessionNote } from '../session/session-note';
import { dailyTotals, localDayStartMs, weeklyTrends } from '../session/session-history';
import { openSessionStore } from '../session/open-session-store';
import { profileSettings } from '../session/profile';
import { reanalyzeSession } from '../session/session-reanalysis';
import type { StoredSession } from '../session/session-records';
import type { SessionStore } from '../session/session-store';
import { userExportFolder } from '../app/user-export-folder';
import { CliError, UsageError, numberFlag, parseArgs, stringFlag } from './cli-args';
import type { CliIo } from './cli-io';
import { commandHelp } from './command-usage';
import { EXIT_NOTHING_TO_DO } from './cli-failure';
import { DELETE_FLAGS, EXPORT_FLAGS, HISTORY_FLAGS, LIST_FLAGS, IMPORT_FLAGS, REANALYZE_FLAGS, SESSIONS_USAGE, SHOW_FLAGS } from './sessions-usage';
import { didYouMean } from './suggest';

export interface SessionsCommandOptions {
  env?: Readonly<Record<string, string | undefined>>;
  /** Wall clock, ms since 1970. */
  now?: () => number;
  /** Where exports go without --out-dir (default: the app's export folder, see electron/app/user-export-folder.ts). */
  exportFolder?: string;
}

type Sub = (store: SessionStore, argv: readonly string[], io: CliIo, ctx: Required<SessionsCommandOptions>) => number;

const SUBCOMMANDS: Record<string, Sub> = { list, show, history, export: exportSub, import: importSub, delete: deleteSub, reanalyze };

export async function sessionsCommand(argv: readonly string[], io: CliIo, options: SessionsCommandOptions = {}): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    (name ? io.stdout : io.stderr).write(commandHelp(SESSIONS_USAGE));
    return name ? 0 : 2;
  }
  const sub = Object.hasOwn(SUBCOMMANDS, name) ? SUBCOMMANDS[name] : undefined;
  if (!sub) throw new UsageError(`unknown sessions command "${name}"${didYouMean(name, Object.keys(SUBCOMMANDS))} (known: ${Object.keys(SUBCOMMANDS).join(', ')})`);
  const env = options.env ?? process.env;
  const now = options.now ?? Date.now;
  const opened = openSessionStore({ env, now });
  const ctx: Required<SessionsCommandOptions> = { env, now, exportFolder: options.exportFolder ?? userExportFolder({ env, dataDir: opened.dataDir }) };
  for (const notice of opened.notices) io.stderr.write(`roller sessions: ${notice}\n`);
  try {
    return sub(opened.store, rest, io, ctx);
  } finally {
    opened.store.close();
  }
}

// ---------- list ----------

function list(store: SessionStore, argv: readonly string[], io: CliIo, ctx: Required<SessionsCommandOptions>): number {
  const args = parseArgs(argv, LIST_FLAGS);
  noPositional(args.positional, 'list');
  const days = numberFlag(args, 'days');
  const now = ctx.now();
  const sessions = store.listSessions({
    ...(days !== undefined ? { fromMs: now - days * 86_400_000 } : {}),
    ...(numberFlag(args, 'limit') !== undefined ? { limit: Math.floor(numberFlag(args, 'limit')!) } : {}),
  });
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
    sourceLabel(s),
    s.state === 'recording' ? 'recording…' : (s.endReason ?? ''),
    routineName(s.routine) ?? '',
    noteMarker(s.note),
  ]);
  io.stdout.write(table(['id', 'started', 'length', 'rolling', 'within limit', 'warnings', 'source', 'end', 'routine', 'note'], rows, [0, 2, 3, 4, 5]));
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
    imported: s.source === 'import',
    importedFrom: s.origin?.fileName ?? null,
    sensor: s.sensor,
    dataKind: s.dataKind,
    engineVersion: s.engineVersion,
    durationS: s.summary?.durationS ?? null,
    rollingS: s.summary?.rollingS ?? null,
    withinLimitShare: s.summary?.withinLimitShare ?? null,
    warnings: s.summary?.warnings ?? null,
    eventCounts: s.summary?.eventCounts ?? null,
    figures: s.summary,
    contentHash: s.contentHash,
    routine: routineJson(s.routine),
    note: s.note ? { discomfort: s.note.discomfort, pain: s.note.pain, numbness: s.note.numbness, text: s.note.text, updatedAt: new Date(s.note.updatedAt).toISOString() } : null,
  };
}

/** "Imported" for an imported session, else where its samples came from. */
function sourceLabel(s: StoredSession): string {
  return s.source === 'import' ? 'Imported' : s.source;
}

/** The note in a table cell: its rating and flags ("4/10 · pain"), "note" for text only, "" without one. */
function noteMarker(note: SessionNote | null): string {
  return note ? noteMarkerText(note) : '';
}

// ---------- show ----------

function show(store: SessionStore, argv: readonly string[], io: CliIo): number {
  const args = parseArgs(argv, SHOW_FLAGS);
  const s = store.getSession(sessionId(args.positional, 'show'));
  if (args.flags.has('json')) {
    io.stdout.write(`${JSON.stringify(sessionJson(s), null, 2)}\n`);
    return 0;
  }
  const f = s.summary;
  const lines = [
    `session ${s.id}${s.source === 'import' ? ' (Imported)' : ''}`,
    `  started      ${localIsoTime(s.startedAt, s.utcOffsetMin).slice(0, 16).replace('T', ' ')}`,
    `  ended        ${s.state === 'recording' ? 'recording…' : (s.endReason ?? '—')}`,
    `  routine      ${routineName(s.routine) ?? '— (a free session)'}`,
    `  source       ${s.source === 'import' ? `Imported from ${s.origin?.fileName ?? 'a recording'}` : s.source}${s.sensor ? `, ${s.sensor.kind} ${s.sensor.name}` : ''}`,
    `  figures      ${describeSummary(f)}${f ? `, ${percentText(f.withinLimitShare)} within the limit` : ''}`,
  ];
  const n = s.note;
  if (!n) lines.push('  note         —');
  else {
    lines.push(`  discomfort   ${n.discomfort === null ? 'not rated' : `${n.discomfort}/10`}`);
    lines.push(`  pain         ${n.pain ? 'yes' : 'no'}`);
    lines.push(`  numbness     ${n.numbness ? 'yes' : 'no'}`);
    if (n.text) lines.push(`  note         ${n.text.replace(/\s*\n\s*/g, ' / ')}`);
  }
  io.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}

// ---------- history ----------

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
      ['week of', 'sessions', 'days', 'rolling', 'within limit', 'warnings/session', 'per 10 min'],
      weekly.map((w) => [
        w.weekStart,
        String(w.sessions),
        String(w.activeDays),
        clockText(w.rollingS),
        w.withinLimitShare === null ? '—' : percentText(w.withinLimitShare),
        w.warningsPerSession.toFixed(1),
        w.warningsPer10Min === null ? '—' : w.warningsPer10Min.toFixed(1),
      ]),
      [1, 2, 3, 4, 5, 6],
    ),
  );
  return 0;
}

// ---------- export / import / delete ----------

function exportSub(store: SessionStore, argv: readonly string[], io: CliIo, ctx: Required<SessionsCommandOptions>): number {
  const args = parseArgs(argv, EXPORT_FLAGS);
  const id = sessionId(args.positional, 'export');
  const outDir = stringFlag(args, 'out-dir');
  const folder = outDir ?? ctx.exportFolder;
  makeFolder(folder, outDir !== undefined ? `--out-dir ${folder}` : `the export folder ${folder}`);
  const files = exportSessionFiles(store, id, folder);
  io.stdout.write(`session ${id} → ${files.csvPath} (${files.samples} samples), ${files.jsonPath}, ${files.trackPath}\n`);
  return 0;
}

/** Creates `dir` (and its parents) when missing; `what` names it in the error. */
function makeFolder(dir: string, what: string): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (err) {
    throw new CliError(`${what}: cannot create the folder (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
}

function importSub(store: SessionStore, argv: readonly string[], io: CliIo, ctx: Required<SessionsCommandOptions>): number {
  const args = parseArgs(argv, IMPORT_FLAGS);
  const [file, ...extra] = args.positional;
  if (!file) throw new UsageError('import needs a recording: roller sessions import <recording.csv>');
  if (extra.length > 0) throw new UsageError(`import takes one recording, got also: ${extra.join(' ')}`);
  const result = importRecordingFile(store, file, { settings: profileSettings(store.getProfile()), now: ctx.now() });
  for (const w of result.warnings) io.stderr.write(`roller sessions import: ${file}: ${w}\n`);
  const s = result.session;
  if (result.alreadyStored) {
    io.stdout.write(`${file}: ${alreadyStoredText(s)}; nothing was added\n`);
    return EXIT_NOTHING_TO_DO;
  }
  io.stdout.write(`imported ${file} as session ${s.id}: ${result.samples} samples, ${describeSummary(s.summary)}\n`);
  return 0;
}

function deleteSub(store: SessionStore, argv: readonly string[], io: CliIo): number {
  const args = parseArgs(argv, DELETE_FLAGS);
  const id = sessionId(args.positional, 'delete');
  const s = store.getSession(id);
  if (s.state === 'recording') throw new CliError(`session ${id} is being recorded right now; stop it in the app first`);
  if (!args.flags.has('yes'))
    throw new UsageError(`delete removes session ${id} (${localIsoTime(s.startedAt, s.utcOffsetMin).slice(0, 16).replace('T', ' ')}) and all its data for good; add --yes to confirm`);
  store.deleteSession(id);
  io.stdout.write(`deleted session ${id}\n`);
  return 0;
}

// ---------- reanalyze ----------

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
  if (r.report.rejections.length > 0)
    io.stderr.write(`roller sessions reanalyze: ${r.report.decoder?.rejected ?? r.report.rejections.length} stored frames could not be decoded, e.g. ${r.report.rejections[0]}\n`);
  return 0;
}

// ---------- helpers ----------

function sessionId(positional: readonly string[], command: string): number {
  const [raw, ...extra] = positional;
  if (raw === undefined) throw new UsageError(`${command} needs a session id (see roller sessions list)`);
  if (extra.length > 0) throw new UsageError(`${command} takes one session id, got also: ${extra.join(' ')}`);
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || !Number.isSafeInteger(Number(raw))) throw new UsageError(`"${raw}" is not a session id: use the number shown by roller sessions list`);
  return Number(raw);
}

function noPositional(positional: readonly string[], command: string): void {
  if (positional.length > 0) throw new UsageError(`${command} takes no arguments besides flags, got: ${positional.join(' ')}`);
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
