/**
 * Who does a task, in the spellings the first responsibility tests leave out: every lead and partner
 * word, every label, the ways a note declares that the first named unit leads, time parts of every
 * kind, notes nested in brackets or ending a sentence mid-line, labelled lines at the start of a
 * passage, and doers named as a sentence's subject with each verb that may follow them. Notes are
 * written the way 实施方案 write them; the expected units are read off by hand.
 */
import { describe, expect, it } from 'vitest';
import {
  isResponsibilityNote,
  notesIn,
  parseResponsibility,
  sentenceDoer,
  splitUnits,
  timePart,
  withoutTime,
} from '../src/core/catalogue/responsibility.js';

const resp = (inner: string, firstLeads = false) => parseResponsibility(inner, { firstLeads })?.resp ?? null;

describe('a list of units', () => {
  it('splits at full- and half-width separators, and a stray closing bracket does not swallow the rest', () => {
    expect(splitUnits('市发改委,市财政局；市人社局')).toEqual(['市发改委', '市财政局', '市人社局']);
    expect(splitUnits('市卫健委）、市医保局（市中医药局、市药监局）')).toEqual([
      '市卫健委）',
      '市医保局（市中医药局、市药监局）',
    ]);
  });

  it('keeps a half-width bracket whole before the next unit, two-character bodies, and 等 inside a name', () => {
    expect(splitUnits('各县(市、区)政府、长白山管委会')).toEqual(['各县(市、区)政府', '长白山管委会']);
    expect(splitUnits('市委、市政府')).toEqual(['市委', '市政府']);
    expect(splitUnits('省高等教育学会、省教育厅')).toEqual(['省高等教育学会', '省教育厅']);
  });

  it('drops 以及 before a unit and 等相关单位 after one', () => {
    expect(splitUnits('市民政局以及市残联')).toEqual(['市民政局以及市残联']);
    expect(splitUnits('以及市残联、市总工会等相关单位')).toEqual(['市残联', '市总工会']);
    expect(splitUnits('市妇联等单位、市团委等有关单位')).toEqual(['市妇联', '市团委']);
  });
});

describe('whether a bracket is a note', () => {
  it('takes 3 to 300 characters, brackets and widths aside', () => {
    expect(isResponsibilityNote('局负责')).toBe(true);
    expect(isResponsibilityNote(` 市财政局负责${'长'.repeat(294)} `)).toBe(true);
    expect(isResponsibilityNote('Ａ负责')).toBe(true);
  });

  it('reads prose with 的 as no note unless it names 单位 or 部门 or the 第一个 rule', () => {
    expect(isResponsibilityNote('排第一个的市发改委牵头')).toBe(true);
    expect(isResponsibilityNote('政府负责的事项')).toBe(false);
    expect(isResponsibilityNote('负责的部门：市发改委')).toBe(true);
  });
});

describe('time parts of a note', () => {
  it('are dropped in every common spelling, the separators of the rest kept', () => {
    const kept = (time: string) => withoutTime(`市卫健委负责；${time}；市医保局配合`);
    for (const time of [
      '完成时间：2023年',
      '时间节点：6月底',
      '时限要求：年内',
      '时限：长期',
      '完成期限：2024年',
      '进度要求：按季度',
      '于2023年完成',
      '2023 年底前',
      '6月末',
      '9 月份',
      '年底前',
      '年内完成',
      '明年完成',
      '持续推进',
      '长期坚持',
      '长期推进',
      '逐年推进',
    ]) {
      expect([time, kept(time)]).toEqual([time, '市卫健委负责；市医保局配合']);
    }
    expect(withoutTime('2023年底前，市卫健委负责，')).toBe('市卫健委负责');
  });

  it('gives the first time part as the deadline', () => {
    expect(timePart('市卫健委负责；2023年6月底前；持续推进')).toBe('2023年6月底前');
    expect(timePart('市卫健委负责,年内完成')).toBe('年内完成');
  });
});

describe('a note', () => {
  it('reads every lead word and every partner word', () => {
    for (const word of ['负责', '牵头', '主责', '主办', '承办', '落实']) {
      expect([word, resp(`市财政局${word}`)]).toEqual([word, { lead: ['市财政局'], participants: [] }]);
    }
    for (const word of ['参与', '配合', '协助', '协办', '协同', '参加']) {
      expect([word, resp(`市卫健委负责，市财政局${word}`)]).toEqual([
        word,
        { lead: ['市卫健委'], participants: ['市财政局'] },
      ]);
    }
    expect(resp('市卫健委负责，市财政局、市税务局共同参与')).toEqual({
      lead: ['市卫健委'],
      participants: ['市财政局', '市税务局'],
    });
    expect(resp('市卫健委负责，市财政局等配合')).toEqual({ lead: ['市卫健委'], participants: ['市财政局'] });
  });

  it('reads a lead and partners written without a separator', () => {
    expect(resp('市卫健委牵头市医保局配合')).toEqual({ lead: ['市卫健委'], participants: ['市医保局'] });
    expect(resp('市卫健委负责市医保局、市财政局参与')).toEqual({
      lead: ['市卫健委'],
      participants: ['市医保局', '市财政局'],
    });
  });

  it('drops the verb after 负责 or 牵头', () => {
    expect(resp('市发改委牵头推进，市财政局配合')).toEqual({
      lead: ['市发改委'],
      participants: ['市财政局'],
    });
    expect(resp('市发改委负责执行')).toEqual({ lead: ['市发改委'], participants: [] });
    expect(resp('市发改委牵头负责，市财政局、市统计局负责')).toEqual({
      lead: ['市发改委'],
      participants: ['市财政局', '市统计局'],
    });
  });

  it('reads every label, spaced or not, up to the next one', () => {
    expect(resp('主办单位 ：市文旅局，市体育局；协办单位：市公安局')).toEqual({
      lead: ['市文旅局', '市体育局'],
      participants: ['市公安局'],
    });
    expect(resp('责任部门：市交通局。配合部门：市公安局、市城管局。')).toEqual({
      lead: ['市交通局'],
      participants: ['市公安局', '市城管局'],
    });
    expect(resp('牵头部门：市应急局；参与部门：市消防救援支队；参与单位：各县（区）政府')).toEqual({
      lead: ['市应急局'],
      participants: ['市消防救援支队', '各县（区）政府'],
    });
    // text before the first label is read as a note of its own
    expect(resp('市政府统筹，市财政局负责；配合单位：市审计局')).toEqual({
      lead: ['市财政局'],
      participants: ['市审计局'],
    });
  });

  it('is no note in prose, nor with labels naming no unit', () => {
    expect(resp('群众关心的事，市财政局负责')).toBeNull();
    expect(resp('牵头单位：；配合单位：')).toBeNull();
  });

  it('reads 各地 inside a list of partners as a unit', () => {
    expect(resp('市教育局负责，市财政局、各地财政部门配合')).toEqual({
      lead: ['市教育局'],
      participants: ['市财政局', '各地财政部门'],
    });
  });

  it('skips remarks such as 下同, 其中, 各地 and 以下', () => {
    expect(resp('市教育局负责，其中高校由市教育局参与')).toEqual({ lead: ['市教育局'], participants: [] });
    expect(resp('市教育局负责，各地教育部门参与')).toEqual({ lead: ['市教育局'], participants: [] });
    expect(resp('市教育局负责，以下均由市财政局配合')).toEqual({ lead: ['市教育局'], participants: [] });
    expect(resp('市教育局负责，排名靠后的单位参与')).toEqual({ lead: ['市教育局'], participants: [] });
  });

  it('knows every way of saying the first named unit leads', () => {
    for (const rule of [
      '排在第一位的为牵头单位',
      '排第一个的为牵头部门',
      '第一位为牵头单位',
      '第一家为牵头单位',
      '第一位牵头',
      '排名第一的为牵头单位',
      '排首位的为牵头部门',
    ]) {
      const parsed = parseResponsibility(`市发改委、市财政局负责，${rule}`, { firstLeads: false });
      expect([rule, parsed]).toEqual([
        rule,
        { resp: { lead: ['市发改委'], participants: ['市财政局'] }, declaresRule: true, persistent: false },
      ]);
    }
    // 共同负责 under the rule: the first leads; a single unit simply leads
    expect(resp('市发改委、市财政局共同负责', true)).toEqual({
      lead: ['市发改委'],
      participants: ['市财政局'],
    });
    expect(resp('市发改委负责', true)).toEqual({ lead: ['市发改委'], participants: [] });
    expect(parseResponsibility('市发改委负责，下同', { firstLeads: false })).toEqual({
      resp: { lead: ['市发改委'], participants: [] },
      declaresRule: false,
      persistent: false,
    });
  });

  it('names a unit once, leading rather than also taking part', () => {
    expect(resp('市卫健委负责，市卫健委、市医保局配合，市医保局参与')).toEqual({
      lead: ['市卫健委'],
      participants: ['市医保局'],
    });
    expect(resp('牵头单位：市卫健委；责任单位：市卫健委、市医保局')).toEqual({
      lead: ['市卫健委'],
      participants: ['市医保局'],
    });
  });
});

describe('notes in a passage', () => {
  it('take a note closing a sentence before a half-width stop, a semicolon or a line break, not one inside brackets', () => {
    const text =
      '一是建设设施(市民政局负责).二是培训人员（其中（市人社局负责））；三是完善制度（市卫健委负责）  \n四是加强宣传';
    expect(notesIn(text, 0, text.length).map((n) => [n.inner, text.slice(n.start, n.end)])).toEqual([
      ['市民政局负责', '(市民政局负责).'],
      ['其中（市人社局负责）', '（其中（市人社局负责））；'],
      ['市卫健委负责', '（市卫健委负责）'],
    ]);
  });

  it('read a labelled line at the start of a passage, after a bracketed note, in order of the text', () => {
    const text = '前一段。\n　牵头单位：市卫健委\n建设设施（配合单位：市民政局）。\n责任单位：市财政局';
    const from = text.indexOf('　牵头');
    const notes = notesIn(text, from, text.length);
    expect(notes.map((n) => [n.inner, n.start])).toEqual([
      ['牵头单位：市卫健委', text.indexOf('牵头单位')],
      ['配合单位：市民政局', text.indexOf('（配合')],
      ['责任单位：市财政局', text.indexOf('责任单位')],
    ]);
    expect(notes[0].end).toBe(text.indexOf('\n建设'));
  });

  it('do not read a labelled text inside a bracketed note twice', () => {
    const text = '建设设施（\n牵头单位：市民政局）。';
    expect(notesIn(text, 0, text.length).map((n) => n.inner)).toEqual(['\n牵头单位：市民政局']);
  });
});

describe('the doer named as a sentence’s subject', () => {
  it('reads each kind of body and each verb that may follow it', () => {
    const lead = (s: string) => sentenceDoer(s)?.lead ?? null;
    expect(lead('市发展和改革委员会应当加强统筹')).toEqual(['市发展和改革委员会']);
    expect(lead('高新区管委会须在年底前完成')).toEqual(['高新区管委会']);
    expect(lead('市政府办公室必须及时通报')).toEqual(['市政府办公室']);
    expect(lead('区人民政府将于6月底前完成')).toEqual(['区人民政府']);
    expect(lead('市疾控中心每季度开展监测')).toEqual(['市疾控中心']);
    expect(lead('市城投集团按计划推进')).toEqual(['市城投集团']);
    expect(lead('市农商银行定期报送')).toEqual(['市农商银行']);
    expect(lead('市图书馆到2025年建成分馆10个')).toEqual(['市图书馆']);
    expect(lead('全市各级医院负责落实')).toEqual(['全市各级医院']);
    expect(lead('市交通运输局于2023年底前完成')).toEqual(['市交通运输局']);
    expect(lead('市统计局及时发布数据')).toEqual(['市统计局']);
    expect(lead('局要加强管理')).toBeNull();
    // paragraphs indented by two full-width spaces
    expect(lead('　　市卫健委要在年底前完成')).toEqual(['市卫健委']);
  });

  it('reads partners after 联合 or 会同 up to a comma or the verb, without the lead again', () => {
    expect(sentenceDoer('市公安局联合市交通局、市城管局开展整治')).toEqual({
      lead: ['市公安局'],
      participants: [],
      named: true,
    });
    expect(sentenceDoer('市公安局联合市交通局、市城管局共同开展整治')).toEqual({
      lead: ['市公安局'],
      participants: ['市交通局', '市城管局'],
      named: true,
    });
    expect(sentenceDoer('市公安局会同市公安局、市司法局于年底前完成')).toEqual({
      lead: ['市公安局'],
      participants: ['市司法局'],
      named: true,
    });
  });

  it('names a list as bodies only when every one is a government body', () => {
    expect(sentenceDoer('市卫健委、市人民医院要加强合作')).toEqual({
      lead: ['市卫健委', '市人民医院'],
      participants: [],
      named: false,
    });
  });

  it('reads places addressed as a group before 要, 应, 须 or 必须', () => {
    const place = (s: string) => sentenceDoer(s);
    expect(place('各地要加强组织领导')).toEqual({ lead: ['各地'], participants: [], named: false });
    expect(place('各地区应建立台账')?.lead).toEqual(['各地区']);
    expect(place('各市（州）须按时报送')?.lead).toEqual(['各市（州）']);
    expect(place('各县（市、区）必须落实')?.lead).toEqual(['各县（市、区）']);
    expect(place('各区县要抓好落实')?.lead).toEqual(['各区县']);
    expect(place('各地加强组织领导')).toBeNull();
  });
});
