/**
 * The pane's browser I/O: HTTP GET of JSON (XMLHttpRequest: IE11 has no fetch), reading a chosen
 * file with a size limit, offering bytes as a download, and rasterising chart SVG on a canvas.
 */
import { LuoshiError } from '../../core/errors.js';
import type { DownloadMethod } from '../report-delivery.js';
import type { HttpRequest, HttpResponse } from '../server-client.js';

/** Largest workbook the pane parses for 对比 (an entry workbook is ~0.1–1 MB). */
export const MAX_COMPARE_BYTES = 20 * 1024 * 1024;

export function getText(url: string, maxBytes = 50 * 1024 * 1024): Promise<string> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('GET', url, true);
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        const text = xhr.responseText;
        if (text.length > maxBytes)
          reject(new LuoshiError('too-large', `${url} 太大，超过上限 ${Math.round(maxBytes / 1048576)} MB`));
        else resolve(text);
      } else reject(new LuoshiError('http-error', `无法获取 ${url}（HTTP ${xhr.status}）`));
    };
    xhr.onerror = () =>
      reject(
        new LuoshiError(
          'network-error',
          `无法连接 ${url}，请检查网址和网络（目录网址须与加载项在同一服务器；如需使用其他服务器上的目录，请联系管理员）`,
        ),
      );
    xhr.send();
  });
}

export function readFileBytes(file: File, maxBytes = MAX_COMPARE_BYTES): Promise<Uint8Array> {
  if (file.size > maxBytes) {
    return Promise.reject(
      new LuoshiError(
        'file-too-large',
        `${file.name} 太大（${(file.size / 1048576).toFixed(1)} MB），超过上限 ${Math.round(maxBytes / 1048576)} MB`,
        { file: file.name },
      ),
    );
  }
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const result = reader.result;
      if (result instanceof ArrayBuffer) resolve(new Uint8Array(result));
      else reject(new LuoshiError('read-failed', `无法读取 ${file.name}`, { file: file.name }));
    };
    reader.onerror = () =>
      reject(new LuoshiError('read-failed', `无法读取 ${file.name}`, { file: file.name }));
    reader.readAsArrayBuffer(file);
  });
}

interface MsNavigator {
  msSaveOrOpenBlob?: (blob: Blob, name: string) => boolean;
}

/**
 * Offers `bytes` as a file download (IE11: msSaveOrOpenBlob; others: a temporary link) and says
 * which, since only the first is known to reach the clerk inside Office (see report-delivery.ts).
 */
export function downloadBytes(bytes: Uint8Array, fileName: string, mime: string): DownloadMethod {
  const blob = new Blob([bytes as BlobPart], { type: mime });
  const nav = window.navigator as unknown as MsNavigator;
  if (typeof nav.msSaveOrOpenBlob === 'function') {
    nav.msSaveOrOpenBlob(blob, fileName);
    return 'save-dialog';
  }
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.className = 'hidden';
  document.body.appendChild(a);
  a.click();
  window.setTimeout(() => {
    URL.revokeObjectURL(url);
    if (a.parentNode) a.parentNode.removeChild(a);
  }, 1000);
  return 'link';
}

/** True where an SVG drawn on a canvas can be read back (not IE11, whose canvas taints on SVG). */
export function canRasteriseSvg(): boolean {
  const ua = window.navigator.userAgent;
  return !/Trident\/|MSIE /.test(ua) && typeof HTMLCanvasElement !== 'undefined';
}

/** Chart SVG → PNG bytes at 2× for print sharpness, via an <img> and a canvas. */
export function chartPngCanvas(svg: string, width: number, height: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const scale = 2;
    const img = new Image();
    const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }));
    img.onload = () => {
      try {
        const canvas = document.createElement('canvas');
        canvas.width = Math.round(width * scale);
        canvas.height = Math.round(height * scale);
        const g = canvas.getContext('2d');
        if (!g) throw new Error('no 2d context');
        g.fillStyle = '#ffffff';
        g.fillRect(0, 0, canvas.width, canvas.height);
        g.drawImage(img, 0, 0, canvas.width, canvas.height);
        URL.revokeObjectURL(url);
        const dataUrl = canvas.toDataURL('image/png');
        const b64 = dataUrl.slice(dataUrl.indexOf(',') + 1);
        const bin = window.atob(b64);
        const out = new Uint8Array(bin.length);
        for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
        resolve(out);
      } catch (e) {
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    };
    img.onerror = () => {
      URL.revokeObjectURL(url);
      reject(new Error('chart image failed to load'));
    };
    img.src = url;
  });
}

/**
 * The server client's transport (src/addin/server-client.ts) over XMLHttpRequest, same-origin, so
 * the session cookie of a server that gives no token goes along too. A network failure is told in
 * Chinese; every HTTP answer (errors included) goes back to the client to interpret.
 */
export function xhrTransport(req: HttpRequest): Promise<HttpResponse> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(req.method, req.url, true);
    for (const name of Object.keys(req.headers)) xhr.setRequestHeader(name, req.headers[name]);
    xhr.timeout = 120_000;
    xhr.onload = () => resolve({ status: xhr.status, text: xhr.responseText });
    const unreachable = () =>
      reject(
        new LuoshiError(
          'network-error',
          '无法连接落实系统服务器，请检查网络后重试（加载项须从落实系统服务器打开）',
        ),
      );
    xhr.onerror = unreachable;
    xhr.ontimeout = unreachable;
    if (req.form) {
      const form = new FormData();
      for (const name of Object.keys(req.form.fields)) form.append(name, req.form.fields[name]);
      const f = req.form.file;
      form.append('file', new Blob([f.bytes as BlobPart], { type: f.type }), f.name);
      xhr.send(form);
    } else if (req.json !== undefined) {
      xhr.setRequestHeader('Content-Type', 'application/json');
      xhr.send(JSON.stringify(req.json));
    } else xhr.send();
  });
}
