/**
 * Who does a task, as policy texts say it: the note that closes an item ("（市卫计局负责，市人社局参与）"),
 * labelled lists, the "first named leads" rule, time parts that are no units, notes inside a line,
 * and the doer named as a sentence's subject. Examples are written the way Chinese policy documents
 * write them; the expected units are read off by hand.
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

const parse = (inner: string, firstLeads = false) => parseResponsibility(inner, { firstLeads });

describe('units in a list', () => {
  it('splits at 、，;/ and line breaks, keeping brackets whole and dropping 和/由 and 等部门', () => {
    expect(splitUnits('市发改委、市财政局，市人社局;市卫健委/市医保局\n市教育局')).toEqual([
      '市发改委',
      '市财政局',
      '市人社局',
      '市卫健委',
      '市医保局',
      '市教育局',
    ]);
    expect(splitUnits('各县（市、区）政府、长白山管委会')).toEqual(['各县（市、区）政府', '长白山管委会']);
    expect(splitUnits('各县(市、区)政府')).toEqual(['各县(市、区)政府']);
    expect(splitUnits('和市财政局、及市税务局、由市民政局')).toEqual(['市财政局', '市税务局', '市民政局']);
    expect(splitUnits('市商务局等有关部门、市统计局等')).toEqual(['市商务局', '市统计局']);
    expect(splitUnits('市 科技 局')).toEqual(['市科技局']);
    // one character is no unit, nor is a run of over 40
    expect(splitUnits('市、市工信局')).toEqual(['市工信局']);
    expect(splitUnits(`${'长'.repeat(41)}、市工信局`)).toEqual(['市工信局']);
    expect(splitUnits(`${'长'.repeat(40)}`)).toEqual(['长'.repeat(40)]);
  });
});

describe('a responsibility note', () => {
  it('needs a keyword, 3 to 300 characters, and no prose with 的 unless it names 单位/部门', () => {
    expect(isResponsibilityNote('市卫计局负责')).toBe(true);
    expect(isResponsibilityNote('含境外')).toBe(false);
    expect(isResponsibilityNote('负责')).toBe(false);
    expect(isResponsibilityNote('由政府负责保障的基本服务')).toBe(false);
    expect(isResponsibilityNote('排第一位的为牵头部门，市财政局、市税务局负责')).toBe(true);
    expect(isResponsibilityNote(`市财政局负责${'长'.repeat(295)}`)).toBe(false);
  });

  it('reads who leads and who takes part', () => {
    expect(parse('市卫计局负责，市人社局、市发改局参与')?.resp).toEqual({
      lead: ['市卫计局'],
      participants: ['市人社局', '市发改局'],
    });
    expect(parse('市卫计局负责、市人社局配合')?.resp).toEqual({
      lead: ['市卫计局'],
      participants: ['市人社局'],
    });
    expect(parse('市教育局、市财政局分别负责')?.resp).toEqual({
      lead: ['市教育局', '市财政局'],
      participants: [],
    });
    expect(parse('市发改委牵头，市财政局、市统计局按职责分工负责')?.resp).toEqual({
      lead: ['市发改委'],
      participants: ['市财政局', '市统计局'],
    });
    expect(parse('市住建局牵头组织实施')?.resp).toEqual({ lead: ['市住建局'], participants: [] });
    expect(parse('市交通局负责落实')?.resp).toEqual({ lead: ['市交通局'], participants: [] });
    expect(parse('市公安局协助')?.resp).toEqual({ lead: [], participants: ['市公安局'] });
  });

  it('reads labelled lists up to the next label, commas included', () => {
    expect(parse('牵头单位：市委组织部；配合单位：市国资委，市人社局')?.resp).toEqual({
      lead: ['市委组织部'],
      participants: ['市国资委', '市人社局'],
    });
    expect(parse('责任单位：市民政局，市卫健委')?.resp).toEqual({
      lead: ['市民政局', '市卫健委'],
      participants: [],
    });
    // an explicit 牵头 turns the other responsible units into participants
    expect(parse('牵头单位：市民政局；责任单位：市卫健委')?.resp).toEqual({
      lead: ['市民政局'],
      participants: ['市卫健委'],
    });
  });

  it('lets the first named lead when the note says so, for the rest of the document with 下同', () => {
    const declared = parse('发展改革委、卫生健康委负责,排第一位为牵头部门,下同。');
    expect(declared).toEqual({
      resp: { lead: ['发展改革委'], participants: ['卫生健康委'] },
      declaresRule: true,
      persistent: true,
    });
    const once = parse('发展改革委、卫生健康委负责，排在第一位的为牵头单位');
    expect([once?.declaresRule, once?.persistent]).toEqual([true, false]);
    // under the rule, a plain list has its first unit lead; 分别负责 keeps all as leads
    expect(parse('市教育局、市财政局负责', true)?.resp).toEqual({
      lead: ['市教育局'],
      participants: ['市财政局'],
    });
    expect(parse('市教育局、市财政局负责')?.resp).toEqual({
      lead: ['市教育局', '市财政局'],
      participants: [],
    });
    expect(parse('市教育局、市财政局分别负责', true)?.resp).toEqual({
      lead: ['市教育局', '市财政局'],
      participants: [],
    });
  });

  it('leaves time parts out of the units and gives them as the deadline', () => {
    expect(withoutTime('市卫健委负责，2023年底前完成')).toBe('市卫健委负责');
    expect(withoutTime('完成时限：2023年底前；市卫健委负责')).toBe('市卫健委负责');
    expect(withoutTime('市卫健委负责，持续推进，市医保局配合')).toBe('市卫健委负责，市医保局配合');
    expect(timePart('市卫健委负责，2023年底前完成')).toBe('2023年底前完成');
    expect(timePart('市卫健委负责，6月底前')).toBe('6月底前');
    expect(timePart('市卫健委负责')).toBeNull();
    expect(parse('市卫健委负责，年底前完成')?.resp).toEqual({ lead: ['市卫健委'], participants: [] });
  });

  it('is no note without any unit', () => {
    expect(parse('下同')).toBeNull();
    expect(parse('负责的')).toBeNull();
  });
});

describe('notes in a text', () => {
  it('finds notes that close a sentence inside a line, and labelled lines without brackets', () => {
    const text =
      '一是建设设施（市民政局负责）。二是培训人员（含农村）。三是完善制度【牵头单位：市人社局】\n牵头单位：市卫健委';
    const notes = notesIn(text, 0, text.length);
    expect(notes.map((n) => n.inner)).toEqual(['市民政局负责', '牵头单位：市人社局', '牵头单位：市卫健委']);
    expect(text.slice(notes[0].start, notes[0].end)).toBe('（市民政局负责）。');
    // a note followed by more of the same sentence does not close it
    const mid = '由（市民政局负责）的单位建设';
    expect(notesIn(mid, 0, mid.length)).toEqual([]);
  });
});

describe('the doer named as a sentence’s subject', () => {
  it('reads government bodies, joint work and places addressed as a group', () => {
    expect(sentenceDoer('市生态环境局要确保空气质量达标')).toEqual({
      lead: ['市生态环境局'],
      participants: [],
      named: true,
    });
    expect(sentenceDoer('　市卫生健康委会同市医保局，推进医共体建设')).toEqual({
      lead: ['市卫生健康委'],
      participants: ['市医保局'],
      named: true,
    });
    expect(sentenceDoer('省文化和旅游厅、省体育局牵头，办好赛事')).toEqual({
      lead: ['省文化和旅游厅', '省体育局'],
      participants: [],
      named: true,
    });
    expect(sentenceDoer('各县（区）政府要在年底前完成')).toMatchObject({
      lead: ['各县（区）政府'],
      named: true,
    });
    expect(sentenceDoer('各省份要加强组织领导')).toEqual({
      lead: ['各省份'],
      participants: [],
      named: false,
    });
    expect(sentenceDoer('县级医院要提升服务能力')).toMatchObject({ lead: ['县级医院'], named: false });
    expect(sentenceDoer('加强组织领导')).toBeNull();
  });
});
