/**
 * The static GB/T 9704 checks of `luoshi report --verify` on .docx parts written by hand (no Word, no
 * LibreOffice): A4 and the 版心 margins within 1 mm, a landscape section's 版心, the 22-line document
 * grid, 3号仿宋 with substitution hints in the font table, odd/even 4号宋体 page numbers, and the
 * paragraph text the layout check counts. Sizes are the standard's millimetres in twips (1 mm = 56.7).
 */
import { describe, expect, it } from 'vitest';
import { docxParagraphs, verifyDocx, type DocxParts } from '../src/core/report/verify-docx.js';
import type { VerifyCheck } from '../src/core/report/verify-types.js';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

/** A section: A4 upright (11906 × 16838 twips) with margins 37/35/28/26 mm unless told otherwise. */
function section(
  o: {
    w?: number;
    h?: number;
    orient?: string;
    top?: number;
    bottom?: number;
    left?: number;
    right?: number;
    grid?: string;
  } = {},
): string {
  const orient = o.orient ? ` w:orient="${o.orient}"` : '';
  return (
    `<w:sectPr><w:pgSz w:w="${o.w ?? 11906}" w:h="${o.h ?? 16838}"${orient}/>` +
    `<w:pgMar w:top="${o.top ?? 2098}" w:bottom="${o.bottom ?? 1984}" w:left="${o.left ?? 1587}" w:right="${o.right ?? 1474}" w:header="851" w:footer="992" w:gutter="0"/>` +
    `${o.grid ?? '<w:docGrid w:type="lines" w:linePitch="579"/>'}</w:sectPr>`
  );
}

function documentXml(...sections: string[]): string {
  return `<w:document ${W}><w:body><w:p><w:r><w:t>正文</w:t></w:r></w:p>${sections.join('')}</w:body></w:document>`;
}

const STYLES = `<w:styles ${W}><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:eastAsia="仿宋_GB2312"/><w:sz w:val="32"/></w:rPr></w:rPrDefault></w:docDefaults></w:styles>`;
const FONT_TABLE = `<w:fonts ${W}><w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/></w:font><w:font w:name="宋体"></w:font></w:fonts>`;
const footer = (align: string) =>
  `<w:ftr ${W}><w:p><w:pPr><w:jc w:val="${align}"/></w:pPr><w:r><w:rPr><w:rFonts w:ascii="宋体" w:eastAsia="宋体"/><w:sz w:val="28"/></w:rPr><w:t>— </w:t></w:r><w:fldSimple w:instr="PAGE"/><w:r><w:rPr><w:sz w:val="28"/></w:rPr><w:t> —</w:t></w:r></w:p></w:ftr>`;

function parts(over: Partial<DocxParts> = {}): DocxParts {
  return {
    'word/document.xml': documentXml(section()),
    'word/styles.xml': STYLES,
    'word/fontTable.xml': FONT_TABLE,
    'word/settings.xml': `<w:settings ${W}><w:evenAndOddHeaders/></w:settings>`,
    'word/footer1.xml': footer('right'),
    'word/footer2.xml': footer('left'),
    ...over,
  };
}

function byId(checks: VerifyCheck[], id: string): VerifyCheck {
  const c = checks.find((x) => x.id === id);
  if (!c) throw new Error(`no check ${id}`);
  return c;
}

const problems = (p: DocxParts, id: string) => byId(verifyDocx(p), id).problems;

describe('a conforming .docx', () => {
  it('passes every static check, with what was measured', () => {
    const checks = verifyDocx(parts());
    expect(checks.map((c) => [c.id, c.ok, c.summary])).toEqual([
      ['docx.page', true, '1节'],
      ['docx.grid', true, '1节'],
      ['docx.fonts', true, '中文字体：仿宋_GB2312、宋体'],
      ['docx.page-numbers', true, '2个页脚'],
    ]);
  });

  it('a package without word/document.xml is no Word file', () => {
    expect(verifyDocx({ 'word/styles.xml': STYLES })).toEqual([
      {
        id: 'docx.open',
        name: '文件结构',
        ok: false,
        problems: ['不是 Word 文件：缺少 word/document.xml'],
        summary: '',
      },
    ]);
  });
});

describe('page setup', () => {
  it('accepts margins within 1 mm (57 twips) and names each margin in mm when one is off', () => {
    expect(
      problems(
        parts({ 'word/document.xml': documentXml(section({ top: 2098 + 57, left: 1587 - 57 })) }),
        'docx.page',
      ),
    ).toEqual([]);
    expect(
      problems(parts({ 'word/document.xml': documentXml(section({ top: 2098 + 58 })) }), 'docx.page'),
    ).toEqual([
      '页面设置页边距应为上37、下35、左28、右26毫米（版心156×225毫米），现为上38.0、下35.0、左28.0、右26.0毫米',
    ]);
    expect(
      problems(parts({ 'word/document.xml': documentXml(section({ bottom: 1440 })) }), 'docx.page')[0],
    ).toContain('下25.4');
    expect(
      problems(parts({ 'word/document.xml': documentXml(section({ right: 1800 })) }), 'docx.page')[0],
    ).toContain('右31.8');
  });

  it('wants A4 in each section, naming the section when there are several', () => {
    const letter = section({ w: 12240, h: 15840 });
    expect(problems(parts({ 'word/document.xml': documentXml(letter) }), 'docx.page')).toEqual([
      '页面设置纸张不是A4（12240×15840缇）',
    ]);
    expect(problems(parts({ 'word/document.xml': documentXml(section(), letter) }), 'docx.page')).toEqual([
      '第2节纸张不是A4（12240×15840缇）',
    ]);
    expect(problems(parts({ 'word/document.xml': documentXml() }), 'docx.page')).toEqual([
      '没有页面设置（w:sectPr）',
    ]);
  });

  it('turns a landscape section’s 版心 to 225 × 156 mm, whichever margins give it', () => {
    const turned = (o: object) =>
      problems(
        parts({
          'word/document.xml': documentXml(
            section(),
            section({ w: 16838, h: 11906, orient: 'landscape', ...o }),
          ),
        }),
        'docx.page',
      );
    // the upright margins turned: left/right 37/35 mm, top/bottom 26/28 mm
    expect(turned({ left: 2098, right: 1984, top: 1474, bottom: 1587 })).toEqual([]);
    // other margins, same 版心: fine
    expect(turned({ left: 2041, right: 2041, top: 1531, bottom: 1530 })).toEqual([]);
    expect(turned({ left: 1440, right: 1440, top: 1440, bottom: 1440 })).toEqual([
      '第2节（横排表格）的版心应为225×156毫米，现为246.2×159.2毫米',
    ]);
    // an upright-sized page marked landscape is no A4 landscape
    expect(
      problems(parts({ 'word/document.xml': documentXml(section({ orient: 'landscape' })) }), 'docx.page')[0],
    ).toBe('页面设置纸张不是A4（11906×16838缇）');
  });
});

describe('the document grid', () => {
  const grid = (g: string) =>
    problems(parts({ 'word/document.xml': documentXml(section({ grid: g })) }), 'docx.grid');

  it('gives 22 lines on the 225 mm 版心 from a line pitch of 555 to 579 twips', () => {
    expect(grid('<w:docGrid w:type="lines" w:linePitch="579"/>')).toEqual([]);
    expect(grid('<w:docGrid w:type="linesAndChars" w:linePitch="555" w:charSpace="0"/>')).toEqual([]);
    expect(grid('<w:docGrid w:type="lines" w:linePitch="580"/>')).toEqual([
      '页面设置文档网格行距580缇，每页不是22行（应约579缇）',
    ]);
    expect(grid('<w:docGrid w:type="lines" w:linePitch="554"/>')).toEqual([
      '页面设置文档网格行距554缇，每页不是22行（应约579缇）',
    ]);
    expect(grid('<w:docGrid w:type="lines"/>')).toEqual([
      '页面设置文档网格行距null缇，每页不是22行（应约579缇）',
    ]);
  });

  it('wants a grid of lines on every upright section, not on a landscape one', () => {
    const none = '页面设置没有文档网格（Word“页面设置—文档网格”显示“无网格”），应为每页22行';
    expect(grid('')).toEqual([none]);
    expect(grid('<w:docGrid w:type="default" w:linePitch="579"/>')).toEqual([none]);
    const landscape = section({
      w: 16838,
      h: 11906,
      orient: 'landscape',
      left: 2098,
      right: 1984,
      top: 1474,
      bottom: 1587,
      grid: '',
    });
    expect(problems(parts({ 'word/document.xml': documentXml(section(), landscape) }), 'docx.grid')).toEqual(
      [],
    );
  });
});

describe('fonts', () => {
  const withStyles = (ea: string | null, sz: string | null) =>
    parts({
      'word/styles.xml': `<w:styles ${W}><w:docDefaults><w:rPrDefault><w:rPr>${ea === null ? '' : `<w:rFonts w:eastAsia="${ea}"/>`}${sz === null ? '' : `<w:sz w:val="${sz}"/>`}</w:rPr></w:rPrDefault></w:docDefaults></w:styles>`,
    });

  it('wants 3号 (16 pt) 仿宋 as the default, naming what there is', () => {
    expect(problems(withStyles('FangSong', '32'), 'docx.fonts')).toEqual([
      '字体表（fontTable.xml）没有“FangSong”，Word/WPS 缺这种字体时无从替换',
    ]);
    expect(problems(withStyles('宋体', '28'), 'docx.fonts')).toEqual([
      '默认中文字体应为仿宋（3号仿宋，GB/T 9704 5.2.2），现为“宋体”',
      '默认字号应为3号（16磅），现为14磅',
    ]);
    expect(problems(withStyles(null, null), 'docx.fonts')).toEqual([
      '默认中文字体应为仿宋（3号仿宋，GB/T 9704 5.2.2），现为“未设置”',
      '默认字号应为3号（16磅），现为未设置',
    ]);
  });

  it('refuses theme fonts and fonts missing from the font table or without a substitute', () => {
    const themed = parts({
      'word/document.xml': documentXml(section()).replace(
        '<w:r>',
        '<w:r><w:rPr><w:rFonts w:eastAsiaTheme="minorEastAsia"/></w:rPr>',
      ),
    });
    expect(problems(themed, 'docx.fonts')).toEqual([
      'word/document.xml 用了主题字体（会盖过所设的中文字体）',
    ]);
    const used = (font: string, table: string) =>
      problems(
        parts({
          'word/document.xml': documentXml(section()).replace(
            '<w:r>',
            `<w:r><w:rPr><w:rFonts w:eastAsia="${font}"/></w:rPr>`,
          ),
          'word/fontTable.xml': `<w:fonts ${W}>${table}<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/></w:font><w:font w:name="宋体"></w:font></w:fonts>`,
        }),
        'docx.fonts',
      );
    expect(used('方正小标宋简体', '')).toEqual([
      '字体表（fontTable.xml）没有“方正小标宋简体”，Word/WPS 缺这种字体时无从替换',
    ]);
    expect(used('方正小标宋简体', '<w:font w:name="方正小标宋简体"></w:font>')).toEqual([
      '字体表中“方正小标宋简体”没有替换字体（w:altName），普通 Windows 电脑没有这种字体',
    ]);
    expect(used('楷体_GB2312', '<w:font w:name="楷体_GB2312"><w:altName w:val="楷体"/></w:font>')).toEqual(
      [],
    );
    expect(used('黑体', '<w:font w:name="黑体"></w:font>')).toEqual([]);
  });
});

describe('page-number footers', () => {
  it('want odd and even pages apart and two “— N —” footers in 4号宋体', () => {
    expect(problems(parts({ 'word/settings.xml': `<w:settings ${W}/>` }), 'docx.page-numbers')).toEqual([
      '未设置“奇偶页不同”：页码应单页居右、双页居左（GB/T 9704 7.5）',
    ]);
    const one = parts();
    delete one['word/footer2.xml'];
    expect(problems(one, 'docx.page-numbers')).toEqual(['页脚中没有单、双页两种“— 页码 —”']);
    expect(
      problems(
        parts({ 'word/footer2.xml': footer('left').replaceAll('w:val="28"', 'w:val="32"') }),
        'docx.page-numbers',
      ),
    ).toEqual(['word/footer2.xml 的页码应为4号（14磅）']);
    expect(
      problems(
        parts({ 'word/footer1.xml': footer('right').replaceAll('宋体', '仿宋') }),
        'docx.page-numbers',
      ),
    ).toEqual(['word/footer1.xml 的页码应为宋体']);
  });
});

describe('paragraph text', () => {
  it('joins the runs of each paragraph and decodes XML entities', () => {
    const xml = `<w:document ${W}><w:body><w:p><w:r><w:t>A&amp;B </w:t></w:r><w:r><w:t xml:space="preserve">&lt;报告&gt;</w:t></w:r></w:p><w:p/><w:p><w:r><w:t>&quot;甲&apos;</w:t></w:r></w:p></w:body></w:document>`;
    expect(docxParagraphs(xml)).toEqual(['A&B <报告>', '"甲\'']);
  });
});
