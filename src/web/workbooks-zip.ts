/**
 * Every office's blank workbook in one zip, assembled in the browser from the per-office download
 * (the server has no zip endpoint); a few requests at a time so the server stays responsive.
 */
import { zipSync } from 'fflate';
import { fetchWorkbook, saveBlob } from './api/index.js';

const PARALLEL = 3;

/** A file name Windows accepts (office names may carry / or other reserved characters). */
const safeName = (office: string): string => office.replace(/[\\/:*?"<>|]/g, '_');

export async function downloadAllWorkbooks(
  roundId: number,
  roundName: string,
  offices: readonly string[],
): Promise<void> {
  const files: Record<string, Uint8Array> = {};
  const queue = [...offices];
  const worker = async (): Promise<void> => {
    for (let office = queue.shift(); office !== undefined; office = queue.shift()) {
      const blob = await fetchWorkbook(roundId, office);
      files[`${safeName(office)}.xlsx`] = new Uint8Array(await blob.arrayBuffer());
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
  // xlsx files are already deflated: store them.
  const zip = zipSync(files, { level: 0 });
  saveBlob(new Blob([zip], { type: 'application/zip' }), `${safeName(roundName)}-填报表.zip`);
}
