/**
 * HTML text → a DOM `Document` outside a browser, built the way a browser's parser builds it. The tree is made by
 * parse5 (the WHATWG parsing algorithm: implied <html>/<head>/<body>, content after </head> or </html> moved into
 * <body>, table foster-parenting, uppercase tags, XML prologs as comments, a leading BOM dropped) and then copied node by
 * node into a linkedom document, which gives the DOM API the snapshot code reads. Scripting is off, as in the
 * extension's paste box (`DOMParser`), so <noscript> content is markup in both.
 *
 * Decides nothing about the page: no URL, no charset (lib/text/decode-bytes.ts), no snapshot (snapshot-from-html.ts).
 * The copy is iterative, so any nesting depth is safe.
 */
import { parseHTML } from 'linkedom';
import { type DefaultTreeAdapterMap, parse } from 'parse5';

type P5Node = DefaultTreeAdapterMap['node'];
type P5Parent = DefaultTreeAdapterMap['parentNode'];

const HTML_NS = 'http://www.w3.org/1999/xhtml';
const SAFE_DOCTYPE = /^[a-z][a-z0-9-]*$/i;

export function parseHtmlDocument(html: string): Document {
  const tree = parse(html, { scriptingEnabled: false });
  const doctype = tree.childNodes.find((n) => n.nodeName === '#documentType') as
    | DefaultTreeAdapterMap['documentType']
    | undefined;
  const prolog = doctype && SAFE_DOCTYPE.test(doctype.name) ? `<!DOCTYPE ${doctype.name}>` : '';
  const { document } = parseHTML(`${prolog}<html></html>`) as unknown as { document: Document };
  const root = document.documentElement;
  const p5root = tree.childNodes.find((n) => n.nodeName === 'html') as DefaultTreeAdapterMap['element'] | undefined;
  if (!p5root) return document;
  for (const attr of p5root.attrs) setAttribute(root, attr);
  // Comments outside <html> stay where they were: before the doctype, between it and <html>, or after </html>.
  let next: Node | null = prolog ? document.doctype : root;
  for (const node of tree.childNodes) {
    if (node === doctype) next = root;
    else if (node === p5root) next = null;
    else if (node.nodeName === '#comment') document.insertBefore(document.createComment(commentData(node)), next);
  }
  copyChildren(document, p5root, root);
  return document;
}

/** Copies parse5's children of `from` under `to`, depth first, in document order, without recursion. */
function copyChildren(document: Document, from: P5Parent, to: Node): void {
  const stack: Array<[P5Node, Node]> = [];
  const pushChildren = (parent: P5Parent, into: Node) => {
    for (let i = parent.childNodes.length - 1; i >= 0; i--) stack.push([parent.childNodes[i]!, into]);
  };
  pushChildren(from, to);
  while (stack.length > 0) {
    const [node, parent] = stack.pop()!;
    if (node.nodeName === '#text') {
      parent.appendChild(document.createTextNode((node as DefaultTreeAdapterMap['textNode']).value));
      continue;
    }
    if (node.nodeName === '#comment') {
      parent.appendChild(document.createComment(commentData(node)));
      continue;
    }
    if (!('tagName' in node)) continue;
    const element = createElement(document, node);
    parent.appendChild(element);
    if (node.tagName === 'template' && node.namespaceURI === HTML_NS) {
      // A template's children live in its content fragment, outside the document tree (as in a browser).
      const content = (node as DefaultTreeAdapterMap['template']).content;
      pushChildren(content, (element as HTMLTemplateElement).content ?? element);
    } else pushChildren(node, element);
  }
}

function createElement(document: Document, node: DefaultTreeAdapterMap['element']): Element {
  let element: Element;
  try {
    element =
      node.namespaceURI === HTML_NS
        ? document.createElement(node.tagName)
        : document.createElementNS(node.namespaceURI, node.tagName);
  } catch {
    // A name the DOM API refuses but the parser accepts (`<a<b>`): keep the content under a neutral element.
    element = document.createElement('span');
  }
  for (const attr of node.attrs) setAttribute(element, attr);
  return element;
}

function setAttribute(element: Element, attr: { name: string; value: string; prefix?: string }): void {
  try {
    element.setAttribute(attr.prefix ? `${attr.prefix}:${attr.name}` : attr.name, attr.value);
  } catch {
    // An attribute name the DOM API refuses (`<p "x"=1>`) carries no page text; browsers keep it, nothing reads it.
  }
}

function commentData(node: P5Node): string {
  return (node as DefaultTreeAdapterMap['commentNode']).data;
}
