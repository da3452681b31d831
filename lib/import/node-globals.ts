/**
 * For Node only (tests, command line): the two browser globals dexie-export-import expects, `self` and a
 * `FileReader` that reads Blobs as ArrayBuffer or text. Import it before backup.ts. Never imported by the extension.
 */
const g = globalThis as Record<string, unknown>;
g.self ??= globalThis;

if (typeof g.FileReader === 'undefined') {
  class NodeFileReader {
    result: ArrayBuffer | string | null = null;
    error: unknown = null;
    onload: ((ev: { target: NodeFileReader }) => void) | null = null;
    onerror: ((ev: { target: NodeFileReader }) => void) | null = null;
    onabort: ((ev: { target: NodeFileReader }) => void) | null = null;
    private read(blob: Blob, as: 'buffer' | 'text'): void {
      const done = as === 'buffer' ? blob.arrayBuffer() : blob.text();
      (done as Promise<ArrayBuffer | string>).then(
        (value) => {
          this.result = value;
          this.onload?.({ target: this });
        },
        (error: unknown) => {
          this.error = error;
          this.onerror?.({ target: this });
        },
      );
    }
    readAsArrayBuffer(blob: Blob): void {
      this.read(blob, 'buffer');
    }
    readAsText(blob: Blob): void {
      this.read(blob, 'text');
    }
  }
  g.FileReader = NodeFileReader;
}

export {};
