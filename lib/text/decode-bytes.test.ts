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

describe('decodeBytes: a declaration most bytes agree with is followed, and the choice is explained', () => {
  const body = '<p>罗源县人民政府办公室关于印发政务公开工作要点的通知，各乡镇人民政府、县直各单位。</p>'.repeat(5);
  const declared = (meta: string) =>
    `<html><head>${meta}<title>罗源县财政收支</title></head><body>${body}</body></html>`;

  it('keeps UTF-8 for a UTF-8 page with nine stray bytes, and counts them', () => {
    const good = Buffer.from(declared('<meta charset="utf-8">'));
    const at = good.indexOf('</body>');
    const bytes = Buffer.concat([good.subarray(0, at), Buffer.alloc(9, 0xff), good.subarray(at)]);
    const out = decodeBytes(bytes);
    expect(out).toMatchObject({ charset: 'UTF-8', source: 'meta', overruled: null, invalid: 9 });
    expect(out.text).toContain('<title>罗源县财政收支</title>');
    expect(out.text).toContain('各乡镇人民政府');
  });

  it('keeps UTF-8 for an undeclared page with a few stray bytes', () => {
    const bytes = Buffer.concat([Buffer.from(declared('')), Buffer.from([0xc3, 0x28])]);
    expect(decodeBytes(bytes)).toMatchObject({ charset: 'UTF-8', source: 'sniffed', invalid: 1 });
  });

  it('overrules a UTF-8 declaration that most bytes contradict, and says so', () => {
    const out = decodeBytes(iconv.encode(declared('<meta charset="utf-8">'), 'gbk'));
    expect(out).toMatchObject({ charset: 'GB18030', source: 'sniffed', overruled: 'UTF-8', invalid: 0 });
    expect(out.text).toContain('罗源县财政收支');
  });

  it('does not count a real U+FFFD in the page as a bad byte', () => {
    expect(decodeBytes(Buffer.from(`${declared('<meta charset="utf-8">')}\uFFFD`)).invalid).toBe(0);
  });

  it('reads a re-saved page as UTF-8 when its meta tag still says gb2312 but every byte is valid UTF-8, and says so', () => {
    const resaved = Buffer.from(declared('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'));
    const out = decodeBytes(resaved);
    expect(out).toMatchObject({ charset: 'UTF-8', overruled: 'GBK', invalid: 0 });
    expect(out.text).toContain('<title>罗源县财政收支</title>');
  });

  it('follows a gb2312 meta tag on real GBK bytes, and an HTTP header even on UTF-8 bytes (what the browser shows)', () => {
    const gbk = iconv.encode(declared('<meta charset="gb2312">'), 'gbk');
    expect(decodeBytes(gbk)).toMatchObject({ charset: 'GBK', source: 'meta', overruled: null });
    const utf8 = Buffer.from(declared(''));
    expect(decodeBytes(utf8, 'text/html; charset=gbk')).toMatchObject({ charset: 'GBK', source: 'header' });
  });
});
