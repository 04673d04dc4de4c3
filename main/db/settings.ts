import type { CallArgs } from '../../preload/contract/api';
import { DEFAULT_READING_SETTINGS, type WritingMode } from '../../preload/contract/reading-settings';
import type { Settings } from '../../preload/contract/types';
import type { Db } from './connection';

/** A change to some settings, as the contract's updateSettings call carries it. */
export type SettingsPatch = CallArgs<'updateSettings'>[0];

/** Reading settings and flags. */
export interface SettingsReads {
  get(): Settings;
  flag(name: string): boolean;
}

/** Changing settings and flags. */
export interface SettingsWrites {
  update(patch: SettingsPatch): Settings;
  setFlag(name: string, value: boolean): void;
}

export const DEFAULT_SETTINGS: Settings = {
  locale: 'system',
  theme: 'light',
  fontSize: 19,
  defaultScript: 'original',
  epubSplit: 'book',
  ...DEFAULT_READING_SETTINGS,
};

/** Settings and small flags, stored as JSON values by key. */
export class SettingsStore implements SettingsReads, SettingsWrites {
  constructor(private readonly db: Db) {}

  private read<T>(key: string): T | undefined {
    const row = this.db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
    return row ? (JSON.parse(row.value) as T) : undefined;
  }

  private write(key: string, value: unknown): void {
    this.db
      .prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
      .run(key, JSON.stringify(value));
  }

  get(): Settings {
    return { ...DEFAULT_SETTINGS, ...this.read<Partial<Settings>>('settings') };
  }

  update(patch: SettingsPatch): Settings {
    // The contract refuses a key sent as undefined; one that got here anyway must not reset a setting.
    const given = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    const next = { ...this.get(), ...given };
    this.write('settings', next);
    return next;
  }

  flag(name: string): boolean {
    return this.read<boolean>(name) === true;
  }

  setFlag(name: string, value: boolean): void {
    this.write(name, value);
  }

  /** The writing mode chosen for one article (null: it follows the default). */
  writingMode(articleId: number): WritingMode | null {
    return this.read<WritingMode>(`writing-mode:${articleId}`) ?? null;
  }

  setWritingMode(articleId: number, mode: WritingMode | null): void {
    if (mode === null) this.db.prepare('DELETE FROM settings WHERE key = ?').run(`writing-mode:${articleId}`);
    else this.write(`writing-mode:${articleId}`, mode);
  }
}
