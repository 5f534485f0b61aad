/**
 * The static GB/T 9704 checks of `luoshi report --verify` read the .docx's XML as written, not as one
 * writer happens to order it (docs/gbt9704.md §2–3): attributes in any order, sections without a page
 * size or margins, fonts named in headers and in the tenth footer on, footers that carry no page number.
 * Parts are written by hand; sizes are the standard's millimetres in twips (A4 11906 × 16838; margins
 * 37/35/28/26 mm = 2098/1984/1587/1474; 22 lines = 579 twips a line).
 */
import { describe, expect, it } from 'vitest';
import { verifyDocx, type DocxParts } from '../src/core/report/verify-docx.js';
import type { VerifyCheck } from '../src/core/report/verify-types.js';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const SIZE = '<w:pgSz w:w="11906" w:h="16838"/>';
const MARGINS = '<w:pgMar w:top="2098" w:bottom="1984" w:left="1587" w:right="1474"/>';
const GRID = '<w:docGrid w:type="lines" w:linePitch="579"/>';

const sect = (size = SIZE, margins = MARGINS, grid = GRID) => `<w:sectPr>${size}${margins}${grid}</w:sectPr>`;
const doc = (...sections: string[]) =>
  `<w:document ${W}><w:body><w:p><w:r><w:t>正文</w:t></w:r></w:p>${sections.join('')}</w:body></w:document>`;

const STYLES = `<w:styles ${W}><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:eastAsia="仿宋_GB2312"/><w:sz w:val="32"/></w:rPr></w:rPrDefault></w:docDefaults></w:styles>`;
const fontTable = (...entries: string[]) =>
  `<w:fonts ${W}><w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/></w:font><w:font w:name="宋体"></w:font>${entries.join('')}</w:fonts>`;
/** A footer "— PAGE —" in 4号 (28 half-points) 宋体. */
const numberFooter = (size = '28') =>
  `<w:ftr ${W}><w:p><w:r><w:rPr><w:rFonts w:eastAsia="宋体"/><w:sz w:val="${size}"/></w:rPr><w:t>— </w:t></w:r><w:fldSimple w:instr="PAGE"/><w:r><w:rPr><w:sz w:val="28"/></w:rPr><w:t> —</w:t></w:r></w:p></w:ftr>`;

function parts(over: Partial<DocxParts> = {}): DocxParts {
  const all: DocxParts = {
    'word/document.xml': doc(sect()),
    'word/styles.xml': STYLES,
    'word/fontTable.xml': fontTable(),
    'word/settings.xml': `<w:settings ${W}><w:evenAndOddHeaders/></w:settings>`,
    'word/footer1.xml': numberFooter(),
    'word/footer2.xml': numberFooter(),
  };
  for (const [k, v] of Object.entries(over)) {
    if (v === undefined) delete all[k];
    else all[k] = v;
  }
  return all;
}

function byId(checks: VerifyCheck[], id: string): VerifyCheck {
  const c = checks.find((x) => x.id === id);
  if (!c) throw new Error(`no check ${id}`);
  return c;
}

const run = (p: DocxParts, id: string) => byId(verifyDocx(p), id);
const problems = (p: DocxParts, id: string) => run(p, id).problems;

describe('what each check is called', () => {
  it('names the four checks of a conforming .docx', () => {
    expect(verifyDocx(parts()).map((c) => [c.id, c.name, c.ok])).toEqual([
      ['docx.page', '页面设置（A4，版心156×225毫米）', true],
      ['docx.grid', '文档网格（每页22行）', true],
      ['docx.fonts', '字体（3号仿宋，字体表有替换提示）', true],
      ['docx.page-numbers', '页码格式（4号宋体，奇偶页不同）', true],
    ]);
  });
});

describe('page size and margins', () => {
  it('reads the attributes whatever their order', () => {
    const shuffled = sect(
      '<w:pgSz w:h="16838" w:w="11906"/>',
      '<w:pgMar w:right="1474" w:left="1587" w:bottom="1984" w:top="2098"/>',
      '<w:docGrid w:linePitch="579" w:type="lines"/>',
    );
    const p = parts({ 'word/document.xml': doc(shuffled) });
    expect(problems(p, 'docx.page')).toEqual([]);
    expect(problems(p, 'docx.grid')).toEqual([]);
  });

  it('refuses a page of A4 width but another height, and a section with no size or margins', () => {
    expect(
      problems(parts({ 'word/document.xml': doc(sect('<w:pgSz w:w="11906" w:h="15840"/>')) }), 'docx.page'),
    ).toEqual(['页面设置纸张不是A4（11906×15840缇）']);
    expect(problems(parts({ 'word/document.xml': doc(sect('', '')) }), 'docx.page')).toEqual([
      '页面设置纸张不是A4（null×null缇）',
      '页面设置页边距应为上37、下35、左28、右26毫米（版心156×225毫米），现为上0.0、下0.0、左0.0、右0.0毫米',
    ]);
  });

  it('refuses a landscape section whose 版心 is 225 mm wide but not 156 mm high', () => {
    const turned = sect(
      '<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>',
      '<w:pgMar w:top="1000" w:bottom="1000" w:left="2098" w:right="1984"/>',
      '',
    );
    expect(problems(parts({ 'word/document.xml': doc(sect(), turned) }), 'docx.page')).toEqual([
      '第2节（横排表格）的版心应为225×156毫米，现为225.0×174.7毫米',
    ]);
  });
});

describe('the document grid in several sections', () => {
  it('names the section that has no grid', () => {
    const none = sect(SIZE, MARGINS, '');
    expect(problems(parts({ 'word/document.xml': doc(sect(), none) }), 'docx.grid')).toEqual([
      '第2节没有文档网格（Word“页面设置—文档网格”显示“无网格”），应为每页22行',
    ]);
    expect(run(parts({ 'word/document.xml': doc(sect(), none) }), 'docx.grid').summary).toBe('2节');
  });
});

describe('fonts used outside the body', () => {
  it('checks fonts named in any header or footer part, numbered past 9 or not', () => {
    const header = (font: string) =>
      `<w:hdr ${W}><w:p><w:r><w:rPr><w:rFonts w:eastAsia="${font}"/></w:rPr><w:t>页眉</w:t></w:r></w:p></w:hdr>`;
    const p = parts({
      'word/header12.xml': header('楷体_GB2312'),
      'word/footer12.xml': header('黑体'),
      'word/header.xml': header('微软雅黑'),
      'word/comments.xml': header('华文行楷'),
    });
    expect(problems(p, 'docx.fonts')).toEqual([
      '字体表（fontTable.xml）没有“楷体_GB2312”，Word/WPS 缺这种字体时无从替换',
      '字体表（fontTable.xml）没有“黑体”，Word/WPS 缺这种字体时无从替换',
      '字体表（fontTable.xml）没有“微软雅黑”，Word/WPS 缺这种字体时无从替换',
    ]);
  });

  it('reads a font-table entry whatever its attributes', () => {
    const p = parts({
      'word/fontTable.xml': `<w:fonts ${W}><w:font w:charset="86" w:name="仿宋_GB2312" w:hint="eastAsia"><w:altName w:val="仿宋"/></w:font><w:font w:name="宋体" w:hint="eastAsia"></w:font></w:fonts>`,
    });
    expect(problems(p, 'docx.fonts')).toEqual([]);
  });
});

describe('page-number footers', () => {
  it('passes over a footer without a page number, and finds footers numbered past 9', () => {
    const blank = `<w:ftr ${W}><w:p><w:r><w:rPr><w:rFonts w:eastAsia="仿宋_GB2312"/><w:sz w:val="21"/></w:rPr><w:t>内部资料</w:t></w:r></w:p></w:ftr>`;
    const p = parts({
      'word/footer1.xml': undefined,
      'word/footer2.xml': undefined,
      'word/footer10.xml': numberFooter(),
      'word/footer11.xml': numberFooter(),
      'word/footer12.xml': blank,
    });
    expect(run(p, 'docx.page-numbers')).toEqual({
      id: 'docx.page-numbers',
      name: '页码格式（4号宋体，奇偶页不同）',
      ok: true,
      problems: [],
      summary: '3个页脚',
    });
  });

  it('wants “— N —”: a PAGE field without the dashes is no page number', () => {
    const plain = `<w:ftr ${W}><w:p><w:r><w:rPr><w:rFonts w:eastAsia="宋体"/><w:sz w:val="28"/></w:rPr><w:t>第</w:t></w:r><w:fldSimple w:instr="PAGE"/><w:r><w:t>页</w:t></w:r></w:p></w:ftr>`;
    expect(problems(parts({ 'word/footer2.xml': plain }), 'docx.page-numbers')).toEqual([
      '页脚中没有单、双页两种“— 页码 —”',
    ]);
  });

  it('wants every run of the number in 4号, not only one', () => {
    expect(problems(parts({ 'word/footer1.xml': numberFooter('32') }), 'docx.page-numbers')).toEqual([
      'word/footer1.xml 的页码应为4号（14磅）',
    ]);
  });
});
