/**
 * A generated county portal for the crawl benchmark, served on 127.0.0.1 from memory: a home page, `columns` columns
 * of `listPages` list pages each (createPageHTML pagination, `perPage` dated items a page), one detail page per item,
 * an attachment on every tenth item and one dead link per column. Deterministic; dates fixed; nothing on disk.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface GeneratedSite {
  origin: string;
  pages: number;
  close(): Promise<void>;
}

const NAMES = ['工作动态', '通知公告', '政策文件', '人事信息', '规划计划', '财政收支', '征地信息', '环境保护'];

export async function startGeneratedSite(columns = 40, listPages = 3, perPage = 20): Promise<GeneratedSite> {
  const head = (title: string, column = '') =>
    `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}_生成的县级门户</title>${column ? `<meta name="ColumnName" content="${column}">` : ''}</head><body><div class="nav"><a href="/">首页</a> <a href="/sitemap.html">网站地图</a></div>`;
  const name = (c: number) => `${NAMES[c % NAMES.length]}${Math.floor(c / NAMES.length) + 1}`;
  const date = (n: number) => {
    const d = new Date(Date.UTC(2026, 10, 28) - n * 86_400_000);
    return d.toISOString().slice(0, 10);
  };
  const filler = `<p>${'政务公开内容文字。'.repeat(40)}</p>`;
  function render(path: string): string | null {
    if (path === '/' || path === '/index.html') {
      const links = Array.from({ length: columns }, (_, c) => `<li><a href="/c${c}/">${name(c)}</a></li>`).join('');
      return `${head('首页')}<ul>${links}</ul></body></html>`;
    }
    if (path === '/sitemap.html') return `${head('网站地图')}<p>网站地图</p></body></html>`;
    let m = /^\/c(\d+)\/(?:index(?:_(\d+))?\.html)?$/.exec(path);
    if (m) {
      const c = Number(m[1]);
      const p = Number(m[2] ?? 0);
      if (c >= columns || p >= listPages) return null;
      const items = Array.from({ length: perPage }, (_, i) => {
        const n = p * perPage + i;
        return `<li><a href="/c${c}/${n}.html">${name(c)}第${n}条信息标题</a><span>${date(c + n * 3)}</span></li>`;
      }).join('');
      return `${head(name(c), name(c))}<div class="position">当前位置：首页 &gt; 政务公开 &gt; ${name(c)}</div><ul class="list">${items}</ul><a href="/c${c}/gone.html">旧链接</a><script>createPageHTML(${listPages}, ${p}, "index", "html");</script></body></html>`;
    }
    m = /^\/c(\d+)\/(\d+)\.html$/.exec(path);
    if (m) {
      const c = Number(m[1]);
      const n = Number(m[2]);
      if (c >= columns || n >= listPages * perPage) return null;
      const file = n % 10 === 0 ? `<p>附件：<a href="/c${c}/f${n}.pdf">附件.pdf</a></p>` : '';
      return `${head(`${name(c)}第${n}条信息标题`, name(c))}<h1>${name(c)}第${n}条信息标题</h1><div>发布时间：${date(c + n * 3)}　来源：县政府办</div>${filler.repeat(3)}${file}</body></html>`;
    }
    return null;
  }
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    if (/\.pdf$/.test(path)) {
      res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': 4 });
      res.end(req.method === 'HEAD' ? undefined : '%PDF');
      return;
    }
    const html = path === '/robots.txt' ? null : render(path);
    if (html === null) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    const body = Buffer.from(html);
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': body.length });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    pages: 2 + columns * listPages * (1 + perPage),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((e) => (e ? reject(e) : resolve()));
        server.closeAllConnections();
      }),
  };
}
