import { describe, expect, it } from 'vitest';
import { describeNotImage, imageKind } from './image-magic';

const bytes = (...parts: Array<number[] | string>) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? Array.from(new TextEncoder().encode(p)) : p)));

describe('imageKind', () => {
  it('knows PNG, JPEG and WebP by their first bytes', () => {
    expect(imageKind(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]))).toBe('image/png');
    expect(imageKind(bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe('image/jpeg');
    expect(imageKind(bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 '))).toBe('image/webp');
  });

  it('refuses SVG, HTML, a RIFF that is not WebP and a cut-off signature, and says what they look like', () => {
    const svg = bytes('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    const html = bytes('\uFEFF  <!DOCTYPE html><img src=x onerror=alert(1)>');
    expect(imageKind(svg)).toBeNull();
    expect(describeNotImage(svg)).toBe('SVG');
    expect(imageKind(html)).toBeNull();
    expect(describeNotImage(html)).toBe('HTML/XML');
    expect(imageKind(bytes('RIFF', [0x24, 0, 0, 0], 'WAVEfmt '))).toBeNull();
    expect(imageKind(bytes([0x89, 0x50, 0x4e, 0x47]))).toBeNull();
    expect(describeNotImage(bytes([1, 2, 3]))).toBe('3 bytes, not PNG/JPEG/WebP');
  });
});
