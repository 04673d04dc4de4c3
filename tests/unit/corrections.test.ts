import { describe, expect, it } from 'vitest';
import type { CorrectionDraft } from '../../preload/contract/corrections';
import { CORRECTION_PRESETS } from '../../main/script/corrections/presets';
import { sentencesWith } from '../../main/script/corrections/sentences';
import { convertChain, convertChainWithOverrides, type Variant } from '../../main/script/convert';
import { openServices } from '../../main/services';
import { SAMPLES_DIR, tempDir } from '../helpers/data';

function library() {
  const services = openServices({ dataDir: tempDir(), samplesDir: SAMPLES_DIR });
  const simplified = services.articles.list().find((a) => a.title.startsWith('从消费互联网'))!.id;
  return { services, simplified };
}

function importText(services: ReturnType<typeof library>['services'], text: string, title: string) {
  const outcome = services.library.importText(text, title);
  if (outcome.status !== 'imported') throw new Error(`not imported: ${outcome.status}`);
  return outcome.article.id;
}

const draft = (articleId: number, patch: Partial<CorrectionDraft> = {}): CorrectionDraft => ({
  articleId,
  source: '进程',
  target: '進程',
  chains: ['s2twp'],
  scope: 'article',
  ...patch,
});

describe('corrections: scope, variants and the conversion cache', () => {
  it('fix 产业发展进程中 in this article and Taiwan phrases only', async () => {
    const { services, simplified } = library();
    const other = importText(services, '历史进程不可逆转，我们见证了这一进程。', '另一篇');
    const before = await services.conversions.view(simplified, 'taiwanPhrases');
    const text = () => before.blocks.map((b) => b.text).join('\n');
    expect(text()).toContain('產業發展程序中');

    services.corrections.add(draft(simplified));
    const after = await services.conversions.view(simplified, 'taiwanPhrases');
    expect(after.cached).toBe(false);
    const fixed = after.blocks.map((b) => b.text).join('\n');
    expect(fixed).toContain('產業發展進程中');
    expect(fixed).not.toMatch(/數位化的程序/);
    // Every 进程 of this article changed, and nothing else did.
    expect(fixed.replaceAll('進程', '程序')).toBe(text());
    // Not in another article, not in another script.
    expect((await services.conversions.view(other, 'taiwanPhrases')).blocks[0]!.text).toContain('歷史程序');
    const tw = await services.conversions.view(simplified, 'taiwan');
    expect(tw.blocks.map((b) => b.text).join('\n')).toContain('產業發展進程中');
    expect(tw.cached).toBe(false);
    // Highlights in source offsets land on the corrected words.
    const source = services.articles
      .get(simplified)!
      .blocks.map((b) => b.text)
      .join('\n');
    const at = source.indexOf('产业发展进程中') + 4;
    const alignment = (await import('../../preload/contract/alignment')).Alignment.fromJSON(after.alignment);
    const t = alignment.rangeToTarget({ start: at, end: at + 2 });
    expect(fixed.slice(t.start, t.end)).toBe('進程');
    services.close();
  });

  it('invalidate exactly the conversions they touch, and a removed one gives OpenCC’s text back from the cache', async () => {
    const { services, simplified } = library();
    const untouched = importText(services, '今天天气很好，我们去公园散步。', '无关');
    const touched = importText(services, '腾讯云云开发是一个平台。', '云开发');
    await services.conversions.view(simplified, 'traditional');
    await services.conversions.view(untouched, 'traditional');
    const plain = await services.conversions.view(touched, 'traditional');
    expect(plain.blocks[0]!.text).toBe('騰訊云云開發是一個平臺。');

    const added = services.corrections.add(
      draft(touched, { source: '腾讯云', target: '騰訊雲', chains: ['s2t'], scope: 'everywhere' }),
    );
    expect((await services.conversions.view(untouched, 'traditional')).cached).toBe(true);
    // The sample article speaks of 腾讯云 too: it is made again, with the correction.
    const sample = await services.conversions.view(simplified, 'traditional');
    expect(sample.cached).toBe(false);
    expect(sample.blocks.map((b) => b.text).join('\n')).toContain('騰訊雲');
    const fixed = await services.conversions.view(touched, 'traditional');
    expect(fixed.cached).toBe(false);
    expect(fixed.blocks[0]!.text).toBe('騰訊雲雲開發是一個平臺。');
    expect((await services.conversions.view(touched, 'traditional')).cached).toBe(true);
    // Only s2t was chosen: Taiwan forms keep OpenCC's output.
    expect((await services.conversions.view(touched, 'taiwan')).blocks[0]!.text).toBe('騰訊云云開發是一個平臺。');

    services.corrections.delete(added.id);
    const back = await services.conversions.view(touched, 'traditional');
    expect(back.blocks[0]!.text).toBe('騰訊云云開發是一個平臺。');
    expect(back.cached).toBe(true);
    services.close();
  });

  it('preview every affected sentence before and after, and count the library for one everywhere', async () => {
    const { services, simplified } = library();
    importText(services, '回顾历史进程。今天没有那个词。', '历史');
    importText(services, '这是另一篇，没有。', '无');
    const preview = await services.corrections.preview(draft(simplified, { scope: 'everywhere' }));
    expect(preview.chain).toBe('s2twp');
    const source = services.articles
      .get(simplified)!
      .blocks.map((b) => b.text)
      .join('\n');
    expect(preview.sentences.length).toBe(source.split('进程').length - 1);
    expect(preview.changed).toBe(preview.sentences.length);
    for (const s of preview.sentences) {
      expect(s.before).toContain('程序');
      expect(s.after).toBe(s.before.replaceAll('程序', '進程'));
    }
    expect(preview.sentences.map((s) => s.after)).toContain(
      convertChainWithOverrides(sentencesWith(source, '进程')[1]!, ['s2twp'], [{ source: '进程', target: '進程' }])
        .text,
    );
    // This article and the one with 历史进程; not the one without it.
    expect(preview.libraryArticles).toBe(2);
    const local = await services.corrections.preview(draft(simplified));
    expect(local.libraryArticles).toBeNull();
    // A correction already saved is the "before" of the next preview.
    services.corrections.add(draft(simplified));
    const again = await services.corrections.preview(draft(simplified, { target: '进程' }));
    expect(again.sentences[0]!.before).toContain('進程');
    services.close();
  });

  it('list, remove and turn the built-in set on and off', async () => {
    const { services, simplified } = library();
    expect(services.corrections.list()).toMatchObject({ corrections: [], presetsEnabled: false });
    const text = '被发明的东西';
    const id = importText(services, text, '发明');
    expect((await services.conversions.view(id, 'traditional')).blocks[0]!.text).toBe('被髮明的東西');
    const on = services.corrections.setPresets(true);
    expect(on.presetsEnabled).toBe(true);
    expect(on.corrections.length).toBe(CORRECTION_PRESETS.length);
    expect((await services.conversions.view(id, 'traditional')).blocks[0]!.text).toBe('被發明的東西');
    // Turning it on twice adds nothing.
    expect(services.corrections.setPresets(true).corrections.length).toBe(CORRECTION_PRESETS.length);
    services.corrections.add(draft(simplified));
    const off = services.corrections.setPresets(false);
    expect(off.presetsEnabled).toBe(false);
    expect(off.corrections.map((c) => c.source)).toEqual(['进程']);
    expect(off.corrections[0]!.articleTitle).toMatch(/^从消费互联网/);
    expect((await services.conversions.view(id, 'traditional')).blocks[0]!.text).toBe('被髮明的東西');
    services.close();
  });
});

describe('the built-in set', () => {
  it('each fix is wrong in OpenCC today, right with it, and cites an OpenCC issue', () => {
    for (const p of CORRECTION_PRESETS) {
      expect(p.issue).toMatch(/^https:\/\/github\.com\/BYVoid\/OpenCC\/issues\/\d+$/);
      for (const chain of p.chains) {
        const variants = chain.split('+') as Variant[];
        expect(convertChain(p.source, variants).text).not.toBe(p.target);
        expect(convertChainWithOverrides(p.source, variants, [p]).text).toBe(p.target);
      }
    }
  });
});
