/** Target.kind: set when the catalogue is built, shown in 目录审核 and correctable there. */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildCatalogue } from '../src/core/catalogue/index.js';
import { readCatalogueCorrections, writeCatalogueReviewWorkbook } from '../src/xlsx/catalogue-review.js';
import { seedCatalogue, seedSources } from './helpers/seeds.js';

describe('indicator kind in the catalogue and 目录审核', () => {
  it('is set on every target, shown in 目录审核, and a correction there is kept', async () => {
    const cat = seedCatalogue();
    expect(cat.targets.every((t) => t.kind)).toBe(true);
    const perCapita = cat.targets.find((t) => t.indicator.includes('人均体育场地面积'))!;
    expect(perCapita.kind).toBe('per-capita');

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await writeCatalogueReviewWorkbook(cat)) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('目录审核')!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    let row = 0;
    ws.eachRow((r, i) => {
      if (r.getCell(header.indexOf('编号') + 1).value === perCapita.id) row = i;
    });
    expect(ws.getCell(row, header.indexOf('指标类型') + 1).value).toBe('人均');

    ws.getCell(row, header.indexOf('处理') + 1).value = '修改';
    ws.getCell(row, header.indexOf('改为指标类型') + 1).value = '总量';
    const edited = new Uint8Array(await wb.xlsx.writeBuffer());
    const corrections = await readCatalogueCorrections(edited, '目录审核.xlsx');
    const rebuilt = buildCatalogue(seedSources(), { corrections }).catalogue;
    expect(rebuilt.targets.find((t) => t.id === perCapita.id)!.kind).toBe('total');

    ws.getCell(row, header.indexOf('改为指标类型') + 1).value = '平均';
    const bad = new Uint8Array(await wb.xlsx.writeBuffer());
    const col = String.fromCharCode(65 + header.indexOf('改为指标类型'));
    await expect(readCatalogueCorrections(bad, 'x.xlsx')).rejects.toThrow(
      `x.xlsx 工作表“目录审核”单元格 ${col}${row}：“平均”不是有效的指标类型（可填 总量 比率 人均 时长 节点）`,
    );
  });
});
