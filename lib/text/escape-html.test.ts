import { describe, expect, it } from 'vitest';
import { escapeHtml } from './escape-html';

describe('escapeHtml', () => {
  it('leaves nothing a browser would parse as markup', () => {
    const hostile = `<img src=x onerror="alert('x')">&<script>`;
    const out = escapeHtml(hostile);
    expect(out).toBe('&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt;&amp;&lt;script&gt;');
    expect(out).not.toMatch(/[<>"']/);
  });
  it('keeps Chinese text as it is', () => {
    expect(escapeHtml('罗源县 财政收支')).toBe('罗源县 财政收支');
  });
});
