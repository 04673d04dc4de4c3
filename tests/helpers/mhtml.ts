import iconv from 'iconv-lite';
import { png } from './png';

/**
 * Pages saved as Chrome's and Edge's "Webpage, Single File" (.mhtml): the page quoted-printable in
 * its own character set, its images as base64 parts named by their web address.
 */

/** Quoted-printable as Chrome writes it: 76-column lines with soft breaks, even inside a character. */
export function quotedPrintable(bytes: Buffer): string {
  let out = '';
  let line = '';
  for (const byte of bytes) {
    if (byte === 0x0a) {
      out += `${line}\r\n`;
      line = '';
      continue;
    }
    const c =
      byte >= 33 && byte <= 126 && byte !== 0x3d
        ? String.fromCharCode(byte)
        : `=${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    if (line.length + c.length > 75) {
      out += `${line}=\r\n`;
      line = '';
    }
    line += c;
  }
  return out + line;
}

const base64Lines = (bytes: Buffer): string => (bytes.toString('base64').match(/.{1,76}/g) ?? []).join('\r\n');

export const MHTML_URL = 'https://news.example.com/2024/03/spring.html';

/** The article page inside the MHTML file: a figure whose image is a part of the file, and one only on the web. */
export const MHTML_PAGE = `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="gbk"><title>春天的故事</title></head>
<body><nav><a href="/">首页</a> <a href="/news">新闻</a></nav>
<article><h1>春天的故事</h1>
<p>一九七九年，那是一个春天，有一位老人在中国的南海边画了一个圈。神话般地崛起座座城，奇迹般地聚起座座金山。</p>
<figure><img src="../../img/spring.png" alt="深圳" width="48" height="32"><figcaption>深圳湾</figcaption></figure>
<p>一九九二年，又是一个春天，有一位老人在中国的南海边写下诗篇。天地间荡起滚滚春潮，征途上扬起浩浩风帆。</p>
<p><img src="https://cdn.example.com/only-on-the-web.png" alt="远处的图"></p>
<p>春风啊吹绿了东方神州，春雨啊滋润了华夏故园。啊，中国，啊，中国，你迈开了气壮山河的新步伐。</p>
</article></body></html>`;

/** What Chrome's "Save as… Webpage, Single File" writes, with the page in GBK. */
export function chromeMhtml(html = MHTML_PAGE, charset = 'gbk'): Uint8Array {
  const boundary = '----MultipartBoundary--Q2hyb21lU2F2ZWQ----';
  const lines = [
    'From: <Saved by Blink>',
    `Snapshot-Content-Location: ${MHTML_URL}`,
    'Subject: =?utf-8?Q?=E6=98=A5=E5=A4=A9=E7=9A=84=E6=95=85=E4=BA=8B?=',
    'Date: Sat, 2 Mar 2024 10:00:00 +0800',
    'MIME-Version: 1.0',
    'Content-Type: multipart/related;',
    '\ttype="text/html";',
    `\tboundary="${boundary}"`,
    '',
    '',
    `--${boundary}`,
    `Content-Type: text/html; charset=${charset}`,
    'Content-ID: <frame-7A1E@mhtml.blink>',
    'Content-Transfer-Encoding: quoted-printable',
    `Content-Location: ${MHTML_URL}`,
    '',
    quotedPrintable(iconv.encode(html, charset)),
    `--${boundary}`,
    'Content-Type: image/png',
    'Content-Transfer-Encoding: base64',
    'Content-Location: https://news.example.com/img/spring.png',
    '',
    base64Lines(png(10, 120, 200)),
    `--${boundary}--`,
    '',
  ];
  return new Uint8Array(Buffer.from(lines.join('\r\n'), 'latin1'));
}
