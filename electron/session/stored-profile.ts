/**
 * The stored profile read without changing anything: the database opened read-only, only when
 * it already exists (no folder or file is made, nothing migrated or recovered). For a command
 * that only wants a preference (the CLI's units): null when there is no database or it cannot
 * be read — the caller then uses the default.
 */
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { databasePath } from './data-dir';
import type { Profile } from './profile';
import { SessionStore } from './session-store';

export function readStoredProfile(dataDir: string): Profile | null {
  const path = databasePath(dataDir);
  if (!existsSync(path)) return null;
  let db: Database.Database | null = null;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    return new SessionStore(db, path).getProfile();
  } catch {
    return null;
  } finally {
    db?.close();
  }
}
