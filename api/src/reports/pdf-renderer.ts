import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

/**
 * Renders pdfmake document definitions to PDF in a worker thread: laying out and embedding a CJK
 * font takes ~0.25 s a document, which must not block the API's event loop. The worker is plain
 * JavaScript evaluated from a string so it survives the webpack bundle; it loads pdfmake and the
 * OFL Noto Sans SC TTFs from node_modules (@expo-google-fonts/noto-sans-sc), so a fresh
 * `npm install` has the font without any system package. A small pool renders documents in parallel.
 */
export type PdfDoc = Record<string, unknown> & {
  /** footer text; "{page}" and "{pages}" are replaced in the worker (functions cannot cross threads) */
  footerText?: string;
};

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { createRequire } = require('node:module');
const req = createRequire(workerData.base);
const pdfmake = req('pdfmake');
const fontDir = req.resolve('@expo-google-fonts/noto-sans-sc/package.json').replace(/package\\.json$/, '');
pdfmake.setFonts({
  NotoSansSC: {
    normal: fontDir + '400Regular/NotoSansSC_400Regular.ttf',
    bold: fontDir + '700Bold/NotoSansSC_700Bold.ttf',
    italics: fontDir + '400Regular/NotoSansSC_400Regular.ttf',
    bolditalics: fontDir + '700Bold/NotoSansSC_700Bold.ttf',
  },
});
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((p) => p.startsWith(fontDir));
parentPort.on('message', async ({ id, doc }) => {
  try {
    const footerText = doc.footerText;
    delete doc.footerText;
    if (footerText) {
      doc.footer = (page, pages) => ({
        text: footerText.replace('{page}', String(page)).replace('{pages}', String(pages)),
        alignment: 'center', fontSize: 8, color: '#888888', margin: [0, 12, 0, 0],
      });
    }
    const buf = await pdfmake.createPdf(doc).getBuffer();
    parentPort.postMessage({ id, ok: true, buf }, [buf.buffer]);
  } catch (e) {
    parentPort.postMessage({ id, ok: false, error: String(e && e.stack || e) });
  }
});
`;

interface Pending {
  resolve: (b: Buffer) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  busy: number;
}

/**
 * One core stays with the event loop (and the database driver, synchronous on SQLite): on a
 * 2-core server one worker; at most 3, beyond which a batch is bound by its reads.
 */
const POOL_SIZE = Math.max(1, Math.min(3, availableParallelism() - 1));

@Injectable()
export class PdfRenderer implements OnModuleDestroy {
  private readonly slots: Slot[] = [];
  private seq = 0;
  private readonly pending = new Map<number, Pending & { slot: Slot }>();

  render(doc: PdfDoc): Promise<Buffer> {
    const slot = this.pick();
    const id = ++this.seq;
    slot.busy++;
    return new Promise<Buffer>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, slot });
      slot.worker.postMessage({ id, doc });
    });
  }

  /** The least busy worker, starting one while the pool is not full. */
  private pick(): Slot {
    const idle = this.slots.find((s) => s.busy === 0);
    if (idle) return idle;
    if (this.slots.length < POOL_SIZE) return this.start();
    return this.slots.reduce((a, b) => (b.busy < a.busy ? b : a));
  }

  private start(): Slot {
    // modules resolve from the app's working directory (the repo or the deployed folder), not the bundle
    const w = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { base: join(process.cwd(), 'package.json') },
    });
    const slot: Slot = { worker: w, busy: 0 };
    w.on(
      'message',
      (m: { id: number; ok: boolean; buf?: Uint8Array; error?: string }) => {
        const p = this.pending.get(m.id);
        if (!p) return;
        this.pending.delete(m.id);
        p.slot.busy--;
        if (m.ok && m.buf)
          p.resolve(
            Buffer.from(m.buf.buffer, m.buf.byteOffset, m.buf.byteLength),
          );
        else p.reject(new Error(m.error ?? 'PDF rendering failed'));
      },
    );
    const fail = (e: Error): void => {
      for (const [id, p] of this.pending) {
        if (p.slot !== slot) continue;
        this.pending.delete(id);
        p.reject(e);
      }
      const i = this.slots.indexOf(slot);
      if (i >= 0) this.slots.splice(i, 1);
    };
    w.on('error', fail);
    w.on(
      'exit',
      (code) => code !== 0 && fail(new Error(`PDF worker exited with ${code}`)),
    );
    w.unref();
    this.slots.push(slot);
    return slot;
  }

  async onModuleDestroy(): Promise<void> {
    const all = this.slots.splice(0);
    await Promise.all(all.map((s) => s.worker.terminate()));
  }
}
