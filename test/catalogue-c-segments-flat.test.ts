/**
 * A 工作要点 written as plain paragraphs (no heading, no table): where its body begins (the first line
 * that is a sentence, not a long title) and where it ends (the signature block: short lines and the
 * date). Short texts written for this test; the expected targets are read off them by hand.
 */
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../src/core/catalogue/parse.js';

const read = (...lines: string[]) =>
  parseDocument(lines.join('\n'), '要点.txt').targets.map((t) => [t.quote, t.value, t.unit]);

describe('a text with no headings', () => {
  it('begins at its first sentence, not at a long title that holds a figure', () => {
    expect(
      read(
        '某县2025年建设100个村级服务站工作要点安排表',
        '今年，全县要继续推进数字政府建设，政务服务事项网上可办率达到98%。',
        '某县人民政府办公室',
        '2025年2月1日',
      ),
    ).toEqual([['政务服务事项网上可办率达到98%', 98, '%']]);
  });

  it('keeps a long line with no punctuation before the signature as body', () => {
    expect(
      read(
        '某县工作要点',
        '今年，全县要继续推进数字政府建设，政务服务事项网上可办率达到98%。',
        '全县新建村级综合服务站100个并全面实现村级服务站点标准化规范化建设目标',
        '某县人民政府办公室',
        '2025年2月1日',
      ),
    ).toEqual([
      ['政务服务事项网上可办率达到98%', 98, '%'],
      ['全县新建村级综合服务站100个并全面实现村级服务站点标准化规范化建设目标', 100, '个'],
    ]);
  });

  it('ends before short signature lines, even one holding a figure', () => {
    expect(
      read(
        '某县工作要点',
        '今年，全县要继续推进数字政府建设，政务服务事项网上可办率达到98%。',
        '某县第2工作组',
        '2025年2月1日',
      ),
    ).toEqual([['政务服务事项网上可办率达到98%', 98, '%']]);
  });

  it('warns that it was read sentence by sentence', () => {
    const doc = parseDocument(
      '某县工作要点\n今年，全县要继续推进数字政府建设，网上可办率达到98%。\n',
      '要点.txt',
    );
    expect(doc.warnings).toEqual([
      '要点.txt 没有“一、”“（一）”等标题层级，已按句子逐句提取指标（未拆分任务），请在目录审核中重点核对',
    ]);
    expect(doc.tasks).toEqual([]);
  });

  it('needs a sentence of 20 characters with a comma or full stop', () => {
    expect(() => parseDocument('某县工作要点\n全县网上可办率达到98%。\n', '要点.txt')).toThrow(
      /没有找到任何标题层级/,
    );
  });
});
