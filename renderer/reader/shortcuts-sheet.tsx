import { useI18n } from '../i18n';
import { Dialog } from '../ui/dialog';
import { READER_KEYS } from './key-commands';

/** The reader's keys (`?`), read from the key table itself: a key added there with a `sheet` shows here. */
export function ShortcutsSheet({ onClose }: { onClose(): void }) {
  const { t } = useI18n();
  return (
    <Dialog
      title={t('shortcuts.title')}
      onClose={onClose}
      testId="shortcuts-sheet"
      actions={
        <button type="button" className="button primary" onClick={onClose} autoFocus>
          {t('shortcuts.close')}
        </button>
      }
    >
      <dl className="shortcuts">
        {READER_KEYS.flatMap((command) =>
          command.sheet
            ? [
                <div key={command.sheet.help} className="shortcut">
                  <dt>
                    <kbd>{command.sheet.keys}</kbd>
                  </dt>
                  <dd>{t(command.sheet.help)}</dd>
                </div>,
              ]
            : [],
        )}
      </dl>
    </Dialog>
  );
}
