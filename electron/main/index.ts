/**
 * Electron main process: the one composition root. Sources → decoder → engine → store → IPC
 * are wired in RollerApp; desktop-app.ts adds the Electron shell: a single, sandboxed,
 * context-isolated window whose page is served by the app protocol with a strict Content
 * Security Policy, no navigation, no new windows, no permissions, no remote content, its size
 * and position remembered, and every startup failure shown in a dialog.
 */
import { app, BrowserWindow, dialog, ipcMain, protocol, screen, session, shell } from 'electron';
import { createRollerApp } from '../app/create-roller-app';
import { startDesktopApp } from './desktop-app';

void startDesktopApp({ app, BrowserWindow, dialog, ipcMain, protocol, screen, session, shell }, { createRollerApp, mainDir: import.meta.dirname, env: process.env });
