/**
 * Writes the saved news pages of tests/helpers/pages.ts into a folder, for specs that cannot load
 * that module themselves (Playwright loads specs as CommonJS; the sample reader uses import.meta).
 * Run with `node scripts/run-ts.mjs tests/helpers/write-pages.ts DIR`; writes news.html (a remote
 * image, script padding), gbk.html (GBK, declared in a meta tag only), singlefile.html (SingleFile,
 * a data: image) and pages.json (the news page's title, and the GBK page's title and paragraphs).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodePage, newsPage, newsTitle } from './pages';

const dir = process.argv[2];
if (!dir) throw new Error('usage: write-pages.ts DIR');

const gbk = {
  title: '产业互联网的下一站',
  paragraphs: ['腾讯云发布新一代服务器，算力提升一倍。', '分析人士认为，产业互联网的竞争才刚刚开始。'],
};
writeFileSync(join(dir, 'news.html'), encodePage(newsPage({ image: { kind: 'remote' }, padding: 4000 })));
writeFileSync(join(dir, 'gbk.html'), encodePage(newsPage({ ...gbk, charset: 'gbk' }), 'gbk'));
writeFileSync(join(dir, 'singlefile.html'), encodePage(newsPage({ image: { kind: 'data' }, singleFile: true })));
writeFileSync(join(dir, 'pages.json'), JSON.stringify({ newsTitle: newsTitle(), gbk }));
