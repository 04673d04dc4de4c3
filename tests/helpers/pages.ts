import iconv from 'iconv-lite';
import { sample } from './data';

/**
 * Saved web pages made the way browsers and SingleFile save them, around the real sample articles:
 * a news site's chrome (navigation, breadcrumbs, ads, share buttons, related links, comments,
 * footer), inline scripts and styles as saved pages carry them, and the article body in the
 * markup Chinese news sites use. Tests and the bench import these.
 */

/** A 1×1 PNG (red), as saved pages embed images. */
export const PNG_1X1 = Uint8Array.from(
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
    'base64',
  ),
);

export interface NewsPageOptions {
  /** The article's paragraphs (default: the Traditional sample 001's). */
  paragraphs?: string[];
  title?: string;
  /** How the page declares its character set: in a meta tag (default), http-equiv, or not at all. */
  charsetDeclaration?: 'meta' | 'http-equiv' | 'none';
  charset?: string;
  /** Images in the body: by a relative path (a "complete" save), a data URI, or a remote URL. */
  image?: { kind: 'relative'; path: string } | { kind: 'data' } | { kind: 'remote' };
  /** Inline script and style padding, as saved pages carry (bytes, about). */
  padding?: number;
  /** SingleFile's header comment with the page's address and the saved date. */
  singleFile?: boolean;
}

const SITE = '腾讯网';
/** Chinese pages indent paragraphs with two ideographic spaces. */
const INDENT = '\u3000\u3000';
export const NEWS_URL = 'https://new.qq.com/rain/a/20190930A0ABCD00';

function sampleParagraphs(): { title: string; paragraphs: string[] } {
  const lines = sample('001')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  const [title = '', , , , ...rest] = lines;
  return { title, paragraphs: rest.filter((l) => !/^(來源|每經記者)/.test(l)) };
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A saved news page, as text (encode it with `encodePage`). */
export function newsPage(options: NewsPageOptions = {}): string {
  const base = sampleParagraphs();
  const title = options.title ?? base.title;
  const paragraphs = options.paragraphs ?? base.paragraphs;
  const charset = options.charset ?? 'utf-8';
  const declaration =
    options.charsetDeclaration === 'none'
      ? ''
      : options.charsetDeclaration === 'http-equiv'
        ? `<meta http-equiv="Content-Type" content="text/html; charset=${charset}">`
        : `<meta charset="${charset}">`;
  const script = `var _dz=${JSON.stringify('x'.repeat(200))};function track(){return _dz.length}`;
  const padding = Math.max(0, options.padding ?? 0);
  const scripts: string[] = [];
  for (let n = 0; n < padding; n += script.length + 20) scripts.push(`<script>${script}</script>`);
  const image =
    options.image?.kind === 'relative'
      ? `<p class="pic"><img src="${options.image.path}" alt="湯道生在發佈會上" width="640" height="360"></p>`
      : options.image?.kind === 'data'
        ? `<figure><img src="data:image/png;base64,${Buffer.from(PNG_1X1).toString('base64')}" alt="產業互聯網圖示"><figcaption>圖：產業互聯網</figcaption></figure>`
        : options.image?.kind === 'remote'
          ? `<p><img src="https://inews.gtimg.com/newsapp_bt/0/123/640" alt="遠端圖片說明"></p>`
          : '';
  const body = paragraphs
    .map((p, i) => {
      const text = escapeHtml(p);
      if (i === 1) return `<p>${INDENT}${text.replace(/(騰訊)/, '<strong>$1</strong>')}</p>`;
      if (i === 3) return `${image}<p>${INDENT}${text}</p>`;
      if (i === 5) return `<h2>${text.slice(0, 12)}</h2><p>${text}</p>`;
      return `<p>${INDENT}${text}</p>`;
    })
    .join('\n');
  const header = options.singleFile
    ? `<!--\n Page saved with SingleFile \n url: ${NEWS_URL} \n saved date: Mon Sep 30 2019 09:12:33 GMT+0800 (China Standard Time)\n-->\n`
    : '';
  return `${header}<!DOCTYPE html>
<html lang="zh-CN">
<head>
${declaration}
<title>${escapeHtml(title)}_科技_${SITE}</title>
<meta name="keywords" content="腾讯,产业互联网,云">
<meta property="og:site_name" content="${SITE}">
<meta property="og:title" content="${escapeHtml(title)}">
<meta name="author" content="郭榮村">
<meta property="article:published_time" content="2019-09-30T00:56:00+08:00">
<link rel="canonical" href="${NEWS_URL}">
<style>body{font:14px/1.5 "Microsoft YaHei"}.nav a{color:#333}.ad{display:block;width:300px}</style>
${scripts.join('\n')}
</head>
<body>
<div id="TopNav" class="nav">
  <a href="https://www.qq.com/">腾讯首页</a> | <a href="https://new.qq.com/ch/tech/">科技</a> |
  <a href="https://new.qq.com/ch/finance/">财经</a> | <a href="https://new.qq.com/ch/ent/">娱乐</a> |
  <a href="https://new.qq.com/ch/sports/">体育</a> | <a href="https://new.qq.com/ch/auto/">汽车</a>
</div>
<div class="crumbs">您的位置：<a href="https://www.qq.com/">首页</a> &gt; <a href="https://new.qq.com/ch/tech/">科技</a> &gt; 正文</div>
<div class="ad" id="ad_top"><a href="https://ad.example.com/click?id=1"><img src="https://ad.example.com/banner.gif" alt="广告"></a>广告 限时特惠 立即购买</div>
<div class="main">
  <div class="LEFT">
    <h1>${escapeHtml(title)}</h1>
    <div class="info"><span class="author">每經記者 郭榮村</span> <span class="time">2019-09-30 00:56</span> <span class="source">來源：每日經濟新聞</span></div>
    <div class="content-article" id="ArticleContent">
${body}
    </div>
    <div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a> <a href="#">QQ空间</a></div>
    <script>document.write('<div class="ad">广告</div>')</script>
  </div>
  <div class="RIGHT">
    <h3>相关阅读</h3>
    <ul class="related">
      <li><a href="https://new.qq.com/rain/a/1">腾讯云发布新一代服务器</a></li>
      <li><a href="https://new.qq.com/rain/a/2">产业互联网的下一站</a></li>
      <li><a href="https://new.qq.com/rain/a/3">微信支付接入更多商户</a></li>
    </ul>
    <div class="ad" id="ad_right">广告位招商</div>
  </div>
</div>
<div id="comments"><h3>网友评论</h3><div class="comment">说得好！ —— 网友A</div><div class="comment">顶一个 —— 网友B</div></div>
<div id="Footer">Copyright © 1998 - 2019 Tencent. All Rights Reserved. 腾讯公司 版权所有</div>
<script>window.onload=function(){track()}</script>
</body>
</html>`;
}

/** The page's bytes in its declared character set (GBK pages are GB18030 bytes). */
export function encodePage(html: string, charset = 'utf-8'): Uint8Array {
  return Uint8Array.from(iconv.encode(html, charset));
}

/** The article paragraphs the news page holds (for assertions). */
export function newsParagraphs(): string[] {
  return sampleParagraphs().paragraphs;
}

export function newsTitle(): string {
  return sampleParagraphs().title;
}
