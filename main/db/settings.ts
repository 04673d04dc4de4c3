import type { Settings } from '../../preload/contract/types';
import type { Db } from './connection';

export const DEFAULT_SETTINGS: Settings = { locale: 'system', theme: 'light', fontSize: 19, defaultScript: 'original' };

/** Settings and small flags, stored as JSON values by key. */
export class SettingsStore {
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

  update(patch: Partial<Settings>): Settings {
    const next = { ...this.get(), ...patch };
    this.write('settings', next);
    return next;
  }

  flag(name: string): boolean {
    return this.read<boolean>(name) === true;
  }

  setFlag(name: string, value: boolean): void {
    this.write(name, value);
  }
}
