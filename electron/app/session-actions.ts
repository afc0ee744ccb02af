/**
 * What the user can do with past sessions from the app: export one (recording CSV, JSON summary,
 * chart image) into the export folder, import a recording sent in pieces (kept in a temporary
 * file in the data folder, then streamed into the store), analyse a session
 * again with the current coaching settings, delete one. An export reports its progress as it
 * writes (the renderer shows an import's progress itself, as it sends the file).
 */
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { EventPayload, ExportResult, ImportResult, Profile, ReanalysisResult } from '../ipc/ipc-contract';
import { MotionSettingsSchema, type MotionSettings } from '../motion/motion-settings';
import { profileSettings } from '../session/profile';
import { comparePastSessions } from './past-sessions';
import type { AppStore } from './app-store';
import { ImportUploads } from './import-uploads';
import { IMPORT_UPLOADS_FOLDER, uploadFilesIn } from './upload-files';
import type { RequestHandlers } from './request-handlers';

type PastSessionRequest =
  | 'history.get'
  | 'review.get'
  | 'compare.get'
  | 'sessions.export'
  | 'exports.openFolder'
  | 'import.begin'
  | 'import.chunk'
  | 'import.finish'
  | 'import.cancel'
  | 'notes.save'
  | 'sessions.reanalyze'
  | 'sessions.delete';

/** Days of history sent when the request does not say. */
const HISTORY_DAYS = 90;

export interface SessionActionsOptions {
  store: AppStore;
  exportFolder: string;
  now: () => Date;
  profile: () => Profile;
  /** The session being recorded right now, if any (it cannot be deleted or re-analysed). */
  recordingId: () => number | null;
  progress: (p: EventPayload<'progress'>) => void;
  /**
   * Opens a folder with the system's file manager (the desktop app: Electron's shell.openPath);
   * resolves to an error text, '' when it worked. Absent where main cannot show the user a folder (the browser host).
   */
  openFolder?: (folder: string) => Promise<string>;
}

export class SessionActions {
  private readonly uploads: ImportUploads;

  constructor(private readonly o: SessionActionsOptions) {
    // Uploads wait in the data folder (the system's temporary folder for a store in memory).
    this.uploads = new ImportUploads(uploadFilesIn(join(o.store.dataFolder ?? tmpdir(), IMPORT_UPLOADS_FOLDER)));
  }

  /** The past-session requests: history, review, export, import, re-analysis, delete. */
  readonly handlers: Pick<RequestHandlers, PastSessionRequest> = {
    'history.get': ({ days }) => this.o.store.history(days ?? HISTORY_DAYS, this.o.now()),
    'review.get': ({ id }) => this.o.store.review(id),
    'compare.get': ({ ids }) => {
      if (ids[0] === ids[1]) throw new Error(`compare.get: ids: two different sessions are needed (both are ${ids[0]})`);
      return comparePastSessions(this.o.store.review(ids[0]), this.o.store.review(ids[1]));
    },
    'sessions.export': ({ id, chartPngBase64 }) => this.export(id, chartPngBase64),
    'exports.openFolder': () => this.openExportFolder(),
    'notes.save': ({ id, note }) => this.o.store.saveNote(id, note, this.o.now()),
    'import.begin': ({ fileName, bytes, lastModifiedMs }) => this.importBegin(fileName, bytes, lastModifiedMs ?? null),
    'import.chunk': ({ uploadId, index, text }) => this.importChunk(uploadId, index, text),
    'import.finish': ({ uploadId, pieces }) => this.importFinish(uploadId, pieces),
    'import.cancel': ({ uploadId }) => this.importCancel(uploadId),
    'sessions.reanalyze': ({ id }) => this.reanalyze(id),
    'sessions.delete': ({ id }) => this.delete(id),
  };

  async export(id: number, chartPngBase64: string | undefined): Promise<ExportResult> {
    this.notRecording(id, 'export');
    const png = chartPngBase64 ? pngBytes(chartPngBase64) : null;
    this.o.progress({ task: 'export', sessionId: id, fraction: 0, message: 'Writing the recording…' });
    const files = await this.o.store.exportSession(id, this.o.exportFolder, png, (fraction) => this.o.progress({ task: 'export', sessionId: id, fraction, message: 'Writing the recording…' }));
    this.o.progress({ task: 'export', sessionId: id, fraction: 1, message: 'Exported' });
    const list: ExportResult['files'] = [
      { kind: 'csv', name: basename(files.csvPath), path: files.csvPath },
      { kind: 'json', name: basename(files.jsonPath), path: files.jsonPath },
    ];
    list.push({ kind: 'track', name: basename(files.trackPath), path: files.trackPath });
    if (files.pngPath) list.push({ kind: 'png', name: basename(files.pngPath), path: files.pngPath });
    return { folder: this.o.exportFolder, files: list, samples: files.samples };
  }

  /** The export folder (only that folder: the renderer cannot name another) opened with the system's file manager. */
  async openExportFolder(): Promise<{ folder: string }> {
    const folder = this.o.exportFolder;
    if (!this.o.openFolder) throw new Error(`this app runs in a browser, which cannot open folders: the exports are in ${folder}`);
    const problem = await this.o.openFolder(folder);
    if (problem) throw new Error(`cannot open ${folder}: ${problem}`);
    return { folder };
  }

  importBegin(fileName: string, bytes: number, modifiedAt: number | null = null): { uploadId: string } {
    return { uploadId: this.uploads.begin(basename(fileName.replace(/\\/g, '/')), bytes, this.o.now().getTime(), modifiedAt) };
  }

  importChunk(uploadId: string, index: number, text: string): { received: number } {
    return { received: this.uploads.chunk(uploadId, index, text, this.o.now().getTime()) };
  }

  importCancel(uploadId: string): { ok: true } {
    this.uploads.cancel(uploadId);
    return { ok: true };
  }

  /** Imports the upload from its temporary file (streamed, as `roller sessions import` does), then removes the file. */
  importFinish(uploadId: string, pieces: number): ImportResult {
    const upload = this.uploads.finish(uploadId, pieces, this.o.now().getTime());
    try {
      return this.o.store.importRecording(upload.fileName, upload.file.path, profileSettings(this.o.profile()), this.o.now(), upload.modifiedAt);
    } finally {
      upload.file.remove();
    }
  }

  /**
   * The current coaching settings (speed limit, stay times, spine map, body height, daily budget)
   * over the session's own roller size and the rolling done earlier that day: the roller it was
   * recorded with does not change when the profile's does.
   */
  reanalyze(id: number): ReanalysisResult {
    this.notRecording(id, 're-analyse');
    return this.o.store.reanalyze(id, (own) => coachingSettings(this.o.profile(), own), this.o.now());
  }

  delete(id: number): { ok: true } {
    this.notRecording(id, 'delete');
    this.o.store.deleteSession(id);
    return { ok: true };
  }

  private notRecording(id: number, what: string): void {
    if (this.o.recordingId() === id) throw new Error(`session ${id} is being recorded right now; stop it before you ${what} it`);
  }
}

export function coachingSettings(profile: Profile, own: MotionSettings): MotionSettings {
  return MotionSettingsSchema.parse({ ...profileSettings(profile), rollerDiameterIn: own.rollerDiameterIn, priorDailyRollingS: own.priorDailyRollingS });
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function pngBytes(base64: string): Uint8Array {
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length < 8 || PNG_SIGNATURE.some((b, i) => bytes[i] !== b)) throw new Error('sessions.export: chartPngBase64: not a PNG image');
  return bytes;
}
