import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from './decode-bytes';

const page = (meta: string) => `<html><head>${meta}<title>罗源县财政收支</title></head><body>政务公开</body></html>`;

describe('decodeBytes', () => {
  it('reads a UTF-8 byte-order mark first', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(page('<meta charset="gbk">'))]);
    expect(decodeBytes(bytes)).toMatchObject({ charset: 'UTF-8', source: 'bom' });
  });
  it('takes the HTTP charset over the meta tag', () => {
    const bytes = iconv.encode(page('<meta charset="utf-8">'), 'gbk');
    const out = decodeBytes(bytes, 'text/html; charset=GBK');
    expect(out).toMatchObject({ charset: 'GBK', source: 'header' });
    expect(out.text).toContain('罗源县财政收支');
  });
  it('reads gb2312 from a http-equiv meta tag', () => {
    const out = decodeBytes(
      iconv.encode(page('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'), 'gbk'),
    );
    expect(out).toMatchObject({ charset: 'GBK', source: 'meta' });
    expect(out.text).toContain('政务公开');
  });
  it('sniffs GBK bytes that claim nothing, and does not trust a false UTF-8 claim', () => {
    expect(decodeBytes(iconv.encode(page(''), 'gbk'))).toMatchObject({ charset: 'GB18030', source: 'sniffed' });
    const lying = decodeBytes(iconv.encode(page('<meta charset="utf-8">'), 'gbk'));
    expect(lying.text).toContain('罗源县财政收支');
  });
});
