import iconv from 'iconv-lite';
import { png } from './png';

/** MHTML archives as Chrome and Edge write them ("Save as… Webpage, Single File"), made in the test. */

/** Quoted-printable as Chrome writes it: 76-column lines with soft breaks, even inside a character. */
export function quotedPrintable(bytes: Buffer): string {
  let out = '';
  let line = '';
  for (const byte of bytes) {
    const c =
      byte === 0x0a
        ? '\r\n'
        : byte >= 33 && byte <= 126 && byte !== 0x3d
          ? String.fromCharCode(byte)
          : `=${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    if (c === '\r\n') {
      out += `${line}\r\n`;
      line = '';
      continue;
    }
    if (line.length + c.length > 75) {
      out += `${line}=\r\n`;
      line = '';
    }
    line += c;
  }
  return out + line;
}

export const base64Lines = (bytes: Buffer): string => (bytes.toString('base64').match(/.{1,76}/g) ?? []).join('\r\n');

export const PAGE_URL = 'https://news.example.com/2024/03/spring.html';
export const PICTURE = png(10, 120, 200);
export const BOUNDARY = '----MultipartBoundary--Q2hyb21lU2F2ZWQ----';

export const ARTICLE_HTML = `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="gbk"><title>春天的故事</title></head>
<body><nav><a href="/">首页</a></nav>
<article><h1>春天的故事</h1>
<p>一九七九年，那是一个春天，有一位老人在中国的南海边画了一个圈。</p>
<figure><img src="../../img/spring.png" alt="深圳"><figcaption>深圳湾</figcaption></figure>
<p>神话般地崛起座座城，奇迹般地聚起座座金山。</p>
<p><img src="https://cdn.example.com/only-on-the-web.png" alt="远处的图"></p>
</article></body></html>`;

/** What Chrome's "Save as… Webpage, Single File" writes, with the page in GBK. */
export function chromeMhtml(html = ARTICLE_HTML, charset = 'gbk', declared = true): Uint8Array {
  const lines = [
    'From: <Saved by Blink>',
    `Snapshot-Content-Location: ${PAGE_URL}`,
    'Subject: =?utf-8?Q?=E6=98=A5=E5=A4=A9=E7=9A=84=E6=95=85=E4=BA=8B?=',
    'Date: Sat, 2 Mar 2024 10:00:00 +0800',
    'MIME-Version: 1.0',
    'Content-Type: multipart/related;',
    '\ttype="text/html";',
    `\tboundary="${BOUNDARY}"`,
    '',
    '',
    `--${BOUNDARY}`,
    `Content-Type: text/html${declared ? `; charset=${charset}` : ''}`,
    'Content-ID: <frame-7A1E@mhtml.blink>',
    'Content-Transfer-Encoding: quoted-printable',
    `Content-Location: ${PAGE_URL}`,
    '',
    quotedPrintable(iconv.encode(html, charset)),
    `--${BOUNDARY}`,
    'Content-Type: image/png',
    'Content-Transfer-Encoding: base64',
    'Content-Location: https://news.example.com/img/spring.png',
    '',
    base64Lines(PICTURE),
    `--${BOUNDARY}--`,
    '',
  ];
  return new Uint8Array(Buffer.from(lines.join('\r\n'), 'latin1'));
}
