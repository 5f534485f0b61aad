/**
 * Native parts of an installed node_modules tree that would not load on Windows x64: compiled add-ons
 * (*.node) and platform packages (package.json "os"/"cpu") for any other platform, and executables
 * that are ELF or Mach-O rather than PE.
 */
import { openSync, readSync, closeSync, readdirSync, readFileSync, existsSync } from 'node:fs';
import * as path from 'node:path';

interface PlatformFields {
  os?: string[];
  cpu?: string[];
}

function headerOf(file: string): Buffer {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(4);
    readSync(fd, buf, 0, 4, 0);
    return buf;
  } finally {
    closeSync(fd);
  }
}

/** ELF (\x7fELF) or Mach-O (feedface/feedfacf/cafebabe) binaries. */
export function isUnixBinary(file: string): boolean {
  const h = headerOf(file).toString('hex');
  return h === '7f454c46' || ['feedface', 'feedfacf', 'cefaedfe', 'cffaedfe', 'cafebabe'].includes(h);
}

function platformMismatch(pkgDir: string): string | null {
  const file = path.join(pkgDir, 'package.json');
  if (!existsSync(file)) return null;
  const pkg = JSON.parse(readFileSync(file, 'utf8')) as PlatformFields;
  const osOk = !pkg.os || pkg.os.includes('win32');
  const cpuOk = !pkg.cpu || pkg.cpu.includes('x64');
  return osOk && cpuOk ? null : `${pkgDir}（os=${String(pkg.os)} cpu=${String(pkg.cpu)}）`;
}

export function foreignNativeParts(nodeModules: string): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        const mismatch = platformMismatch(full);
        if (mismatch) found.push(mismatch);
        else walk(full);
      } else if (entry.isFile() && (entry.name.endsWith('.node') || !entry.name.includes('.'))) {
        if (isUnixBinary(full)) found.push(full);
      }
    }
  };
  walk(nodeModules);
  return found;
}
