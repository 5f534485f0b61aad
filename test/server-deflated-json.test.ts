/**
 * A checked submission's stored bytes (src/server/deflated-json.ts): raw-deflated UTF-8 JSON that
 * inflates to exactly the text JSON.stringify writes — also when the `rows` piece is reused from an
 * earlier submission, and never when the rows differ in any value, key order or kind of value. Expected
 * texts are typed here.
 */
import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { deflatedJson } from '../src/server/deflated-json.js';

const text = (bytes: Uint8Array) => inflateRawSync(bytes).toString('utf8');

const row = (id: string, quote: string) => ({ targetId: id, row: 4, quote, value: 5, valueMax: null });

describe('deflated JSON', () => {
  it('is the JSON text, with `rows` wherever it stands among the members', () => {
    expect(text(deflatedJson({ office: '长春市', rows: [row('t1', '达到5%')], problems: [] }))).toBe(
      '{"office":"长春市","rows":[{"targetId":"t1","row":4,"quote":"达到5%","value":5,"valueMax":null}],"problems":[]}',
    );
    expect(text(deflatedJson({ rows: [], entries: [1] }))).toBe('{"rows":[],"entries":[1]}');
    expect(text(deflatedJson({ a: '"\\\n', rows: [] }))).toBe('{"a":"\\"\\\\\\n","rows":[]}');
    expect(text(deflatedJson({ rows: [] }))).toBe('{"rows":[]}');
  });

  it('writes other values whole, as JSON.stringify does', () => {
    expect(text(deflatedJson([1, '二']))).toBe('[1,"二"]');
    expect(text(deflatedJson({ office: '甲', rows: '不是数组' }))).toBe('{"office":"甲","rows":"不是数组"}');
    expect(text(deflatedJson({ rows: [], toJSON: () => ({ x: 1 }) }))).toBe('{"x":1}');
    expect(text(deflatedJson(JSON.parse('{"__proto__":1,"rows":[],"b":2}')))).toBe(
      '{"__proto__":1,"rows":[],"b":2}',
    );
    expect(text(deflatedJson({ a: undefined, rows: [], b: undefined, c: null }))).toBe(
      '{"rows":[],"c":null}',
    );
  });

  it('reuses the rows of an earlier submission only while they write the same text', () => {
    const first = { office: '甲', rows: [row('t1', '达到5%'), row('t2', '建成10个')], problems: [] };
    expect(text(deflatedJson(first))).toBe(
      '{"office":"甲","rows":[{"targetId":"t1","row":4,"quote":"达到5%","value":5,"valueMax":null},' +
        '{"targetId":"t2","row":4,"quote":"建成10个","value":5,"valueMax":null}],"problems":[]}',
    );
    // Equal rows built anew (new objects, new strings): the same text around them.
    const again = { office: '乙', rows: [row('t1', `达到${5}%`), row('t2', '建成10个')], problems: [] };
    expect(text(deflatedJson(again))).toBe(
      '{"office":"乙","rows":[{"targetId":"t1","row":4,"quote":"达到5%","value":5,"valueMax":null},' +
        '{"targetId":"t2","row":4,"quote":"建成10个","value":5,"valueMax":null}],"problems":[]}',
    );
    // The kept rows are not the caller's: changing them after storing changes what the next store writes.
    again.rows[1].quote = '建成12个';
    expect(text(deflatedJson(again))).toContain('"quote":"建成12个"');
    const changed = (r: Record<string, unknown>) => text(deflatedJson({ rows: [r] }));
    expect(changed({ targetId: 't1', row: 4 })).toBe('{"rows":[{"targetId":"t1","row":4}]}');
    expect(changed({ row: 4, targetId: 't1' })).toBe('{"rows":[{"row":4,"targetId":"t1"}]}');
    expect(changed({ targetId: 't1', row: '4' })).toBe('{"rows":[{"targetId":"t1","row":"4"}]}');
    expect(changed({ targetId: 't1', row: 4, extra: undefined })).toBe(
      '{"rows":[{"targetId":"t1","row":4}]}',
    );
    expect(changed({ targetId: 't1', row: Number.NaN })).toBe('{"rows":[{"targetId":"t1","row":null}]}');
    expect(changed({ targetId: 't1', row: new Date(Date.UTC(2025, 0, 2)) })).toBe(
      '{"rows":[{"targetId":"t1","row":"2025-01-02T00:00:00.000Z"}]}',
    );
    expect(changed({ targetId: 't1', row: 4 })).toBe('{"rows":[{"targetId":"t1","row":4}]}');
    expect(text(deflatedJson({ rows: [[null], [undefined]] }))).toBe('{"rows":[[null],[null]]}');
  });

  it('writes long arrays and members a part at a time, exactly as JSON.stringify writes the whole', () => {
    // 70 entries (three parts of the array), one of them left undefined, one a hole
    const entries: unknown[] = [];
    for (let i = 0; i < 70; i++)
      if (i !== 40) entries[i] = i === 33 ? undefined : { id: `t${i}`, actual: i / 4, note: '进展' };
    expect(40 in entries).toBe(false);
    const sub = { office: '甲', rows: [], entries, skip: undefined, fn: () => 1, filler: { name: '张三' } };
    const want =
      '{"office":"甲","rows":[],"entries":[' +
      Array.from({ length: 70 }, (_, i) =>
        i === 33 || i === 40 ? 'null' : `{"id":"t${i}","actual":${i / 4},"note":"进展"}`,
      ).join(',') +
      '],"filler":{"name":"张三"}}';
    expect(text(deflatedJson(sub))).toBe(want);
    expect(text(deflatedJson(entries))).toBe(
      want.slice(want.indexOf('"entries":') + 10, want.indexOf(',"filler"')),
    );
  });

  it('writes whole what a part at a time could write otherwise: a toJSON given its key, a text too long', () => {
    const keyed = { toJSON: (key: string) => `键${key}` };
    expect(text(deflatedJson({ rows: [], member: keyed }))).toBe('{"rows":[],"member":"键member"}');
    const list = Array.from({ length: 40 }, (_, i) => (i === 35 ? keyed : i));
    expect(text(deflatedJson({ rows: [], list }))).toContain(',34,"键35",36,');
    const long = '长'.repeat(1_100_000);
    expect(text(deflatedJson({ rows: [], long }))).toBe(`{"rows":[],"long":"${long}"}`);
  });

  it('keeps the rows of several rounds at once', () => {
    const rounds = ['一', '二', '三'].map((n) => ({ rows: [row(`t${n}`, `第${n}轮`)] }));
    for (let pass = 0; pass < 2; pass++)
      for (const r of rounds)
        expect(text(deflatedJson(r))).toBe(
          `{"rows":[{"targetId":"${r.rows[0].targetId}","row":4,"quote":"${r.rows[0].quote}","value":5,"valueMax":null}]}`,
        );
  });
});
