import { describe, expect, it } from 'vitest';
import { openServices } from '../../main/services';
import { SAMPLES_DIR, tempDir } from '../helpers/data';

function library() {
  const services = openServices({ dataDir: tempDir(), samplesDir: SAMPLES_DIR });
  const idOf = (prefix: string) => services.articles.list().find((a) => a.title.startsWith(prefix))!.id;
  return { services, simplified: idOf('从消费互联网'), traditional: idOf('產業互聯網六年') };
}

describe('corrections go with the notes', () => {
  it('are exported in the JSON (the reader’s own, not the built-in set) and imported back onto the same article', async () => {
    const from = library();
    const { corrections } = from.services;
    corrections.add({
      articleId: from.simplified,
      source: '发展进程',
      target: '發展進程',
      chains: ['s2twp'],
      scope: 'article',
    });
    corrections.add({
      articleId: from.simplified,
      source: '腾讯云',
      target: '騰訊雲',
      chains: ['s2t', 's2tw'],
      scope: 'everywhere',
    });
    corrections.add({
      articleId: from.traditional,
      source: '互聯網',
      target: '互联网',
      chains: ['t2s'],
      scope: 'article',
    });
    corrections.setPresets(true);

    const file = await from.services.exporter.build({ articleId: from.simplified, format: 'json', script: 'original' });
    const json = JSON.parse(file.content) as { 'dz:corrections': { source: string; article?: string }[] };
    // This article's own and those everywhere; not another article's, not the built-in set.
    expect(json['dz:corrections'].map((c) => c.source).sort()).toEqual(['发展进程', '腾讯云']);
    expect(json['dz:corrections'].find((c) => c.source === '发展进程')!.article).toMatch(
      /^urn:duizhao:article:sha256:/,
    );
    const whole = await from.services.exporter.build({ format: 'json', script: 'original' });
    expect((JSON.parse(whole.content) as typeof json)['dz:corrections']).toHaveLength(3);
    // Other formats carry no corrections.
    const md = await from.services.exporter.build({
      articleId: from.simplified,
      format: 'markdown',
      script: 'original',
    });
    expect(md.content).not.toContain('發展進程');

    const to = library();
    const report = await to.services.exporter.importJson(whole.content);
    expect(report.corrections).toBe(3);
    const imported = to.services.corrections.list().corrections;
    const rows = imported.map((c) => [c.source, c.target, c.articleId, c.chains] as const);
    expect(rows.sort((a, b) => (a[0] < b[0] ? -1 : 1))).toEqual([
      ['互聯網', '互联网', to.traditional, ['t2s']],
      ['发展进程', '發展進程', to.simplified, ['s2twp']],
      ['腾讯云', '騰訊雲', null, ['s2t', 's2tw']],
    ]);
    // And they apply there.
    const view = await to.services.conversions.view(to.simplified, 'taiwanPhrases');
    expect(view.blocks.map((b) => b.text).join('\n')).toContain('產業發展進程中');
    // Importing the same file again adds none.
    expect((await to.services.exporter.importJson(whole.content)).corrections).toBe(0);
    from.services.close();
    to.services.close();
  });

  it('refuse a file whose corrections are not valid, storing nothing', async () => {
    const { services } = library();
    const bad = JSON.stringify({
      first: { items: [] },
      'dz:corrections': [{ source: '', target: 'x', chains: ['s2t'] }],
    });
    await expect(services.exporter.importJson(bad)).rejects.toMatchObject({ code: 'not_an_export' });
    const unknownChain = JSON.stringify({
      first: { items: [] },
      'dz:corrections': [{ source: '进程', target: '進程', chains: ['s2klingon'] }],
    });
    await expect(services.exporter.importJson(unknownChain)).rejects.toMatchObject({ code: 'not_an_export' });
    expect(services.corrections.list().corrections).toEqual([]);
    services.close();
  });
});
