import { describe, expect, it } from 'vitest';
import { AppFailure } from '../../preload/contract/errors';
import type { ConversionVariant } from '../../preload/contract/scripts';
import { ArticleStore } from '../../main/db/articles';
import { ConversionStore } from '../../main/db/conversions';
import { SettingsStore } from '../../main/db/settings';
import { ConversionService } from '../../main/script/conversions';
import { convert } from '../../main/script/convert';
import { InlineRunner, type ChainResult, type ConversionRunner } from '../../main/script/runner';
import { openServices } from '../../main/services';
import { SAMPLES_DIR, tempDir } from '../helpers/data';

function library() {
  const services = openServices({ dataDir: tempDir(), samplesDir: SAMPLES_DIR });
  const byTitle = (prefix: string) => services.articles.list().find((a) => a.title.startsWith(prefix))!.id;
  const id = byTitle('產業互聯網六年');
  return { services, id, text: services.articles.sourceText(id)!, byTitle };
}

const at = (text: string, phrase: string) => {
  const start = text.indexOf(phrase);
  if (start < 0) throw new Error(`${phrase} not found`);
  return { start, end: start + phrase.length };
};

const utf8 = (text: string) => new TextEncoder().encode(text);

const failureOf = async (run: () => Promise<unknown>): Promise<AppFailure> => {
  try {
    await run();
  } catch (error) {
    if (error instanceof AppFailure) return error;
    throw error;
  }
  throw new Error('expected a failure');
};

describe('replacing an article’s text', () => {
  it('a replacement refused for an unknown article leaves a deleted article with that text restorable', async () => {
    const { services, byTitle } = library();
    const other = byTitle('从消费互联网');
    const otherText = services.articles.sourceText(other)!;
    services.library.delete(other);
    const failure = await failureOf(() =>
      services.library.replaceText(9999, { name: 'same.txt', bytes: utf8(otherText) }),
    );
    expect(failure.code).toBe('not_found');
    // Nothing changed: the deleted article's undo still works and brings its text back.
    services.library.restore(other);
    expect(services.articles.sourceText(other)).toBe(otherText);
    services.close();
  });

  it('a text that is another article is refused with that article’s title as a parameter, changing nothing', async () => {
    const { services, id, text, byTitle } = library();
    const other = byTitle('从消费互联网');
    const otherText = services.articles.sourceText(other)!;
    const failure = await failureOf(() => services.library.replaceText(id, { name: 'x.txt', bytes: utf8(otherText) }));
    expect(failure.code).toBe('already_in_library');
    expect(failure.params?.title).toBe(services.articles.get(other)!.title);
    expect(services.articles.sourceText(id)).toBe(text);
    services.close();
  });

  it('the article’s own text again changes nothing: highlights, dates and reading state stay', async () => {
    const { services, id, text } = library();
    const h = services.annotations.create({ articleId: id, ...at(text, '最漫長的夏天'), color: 'green', note: '夏' });
    const lost = services.annotations.create({ articleId: id, ...at(text, '廣州'), color: 'pink' });
    services.db.prepare('UPDATE highlights SET orphaned = 1 WHERE id = ?').run(lost.id);
    services.articles.saveReadingPosition(id, 120, 0.3);
    const before = services.articles.get(id)!;
    const highlightsBefore = services.annotations.list(id);
    const rowBefore = services.db.prepare('SELECT * FROM articles WHERE id = ?').get(id);

    const report = await services.library.replaceText(id, { name: 'same.txt', bytes: utf8(text) });
    expect(report).toMatchObject({ status: 'replaced', exact: 1, moved: 0, orphaned: 1 });
    expect(report.status === 'replaced' && report.article).toMatchObject({
      id,
      updatedAt: before.updatedAt,
      title: before.title,
    });
    expect(services.annotations.list(id)).toEqual(highlightsBefore);
    expect(services.annotations.list(id)[0]).toMatchObject({ id: h.id, note: '夏', updatedAt: h.updatedAt });
    expect(services.db.prepare('SELECT * FROM articles WHERE id = ?').get(id)).toEqual(rowBefore);
    services.close();
  });

  it('re-anchoring a moved highlight cuts its prefix and suffix again from the new text', async () => {
    const { services, id, text } = library();
    const range = at(text, '最漫長的夏天');
    const h = services.annotations.create({ articleId: id, ...range, color: 'green' });
    // New words right before the quote: it moves, and its old prefix is no longer what precedes it.
    const edited = `${text.slice(0, range.start)}（編按：新增的說明文字）${text.slice(range.start)}`;
    const report = await services.library.replaceText(id, { name: 'edited.txt', bytes: utf8(edited) });
    expect(report).toMatchObject({ moved: 1, orphaned: 0 });
    const [moved] = services.annotations.list(id);
    const newText = services.articles.sourceText(id)!;
    expect(moved!.id).toBe(h.id);
    expect(newText.slice(moved!.start, moved!.end)).toBe('最漫長的夏天');
    expect(moved!.prefix).not.toBe(h.prefix);
    expect(moved!.prefix).toBe(newText.slice(Math.max(0, moved!.start - 32), moved!.start));
    expect(moved!.prefix.endsWith('（編按：新增的說明文字）')).toBe(true);
    expect(moved!.suffix).toBe(newText.slice(moved!.end, moved!.end + 32));
    services.close();
  });
});

/** A runner whose conversions finish only when the test says so. */
class GatedRunner implements ConversionRunner {
  readonly started: { text: string; release(): void }[] = [];
  private readonly inner = new InlineRunner();
  convert(text: string, chain: readonly ConversionVariant[]): Promise<ChainResult> {
    return new Promise((resolve, reject) => {
      this.started.push({
        text,
        release: () => {
          this.inner.convert(text, chain).then(resolve, reject);
        },
      });
    });
  }
  close() {
    return this.inner.close();
  }
}

const joined = (view: { blocks: { text: string }[] }) => view.blocks.map((b) => b.text).join('\n');

describe('conversions after "Update text…"', () => {
  it('the next view is of the new text, with nothing told to forget the old one', async () => {
    const { services, id, text } = library();
    const old = await services.conversions.view(id, 'simplified');
    expect((await services.conversions.view(id, 'simplified')).cached).toBe(true);
    const edited = text.replace('最漫長的夏天', '最炎熱的夏天');
    await services.library.replaceText(id, { name: 'edited.txt', bytes: utf8(edited) });
    const fresh = await services.conversions.view(id, 'simplified');
    expect(fresh.cached).toBe(false);
    expect(joined(fresh)).toBe(convert(edited, 't2s').text);
    expect(joined(fresh)).not.toBe(joined(old));
    services.close();
  });

  it('a conversion that started before a replace and ends after it is never served for the new text', async () => {
    const { services, id, text } = library();
    const runner = new GatedRunner();
    const conversions = new ConversionService(
      new ConversionStore(services.db),
      new ArticleStore(services.db),
      new SettingsStore(services.db),
      runner,
      'dict-test',
    );
    const before = conversions.view(id, 'simplified');
    const edited = text.replace('最漫長的夏天', '最炎熱的夏天');
    await services.library.replaceText(id, { name: 'edited.txt', bytes: utf8(edited) });
    // Asked after the replace while the old run is still going: it must not join that run.
    const after = conversions.view(id, 'simplified');
    expect(runner.started.map((s) => s.text)).toEqual([text, edited]);
    runner.started[0]!.release();
    expect(joined(await before)).toBe(convert(text, 't2s').text);
    runner.started[1]!.release();
    expect(joined(await after)).toBe(convert(edited, 't2s').text);
    // And from the cache later: still the new text's conversion.
    const later = await conversions.view(id, 'simplified');
    expect(later.cached).toBe(true);
    expect(joined(later)).toBe(convert(edited, 't2s').text);
    services.close();
  });
});
