/**
 * Who leads and who takes part, as the notes closing policy items say it with 牵头负责, 主办/协办,
 * labelled lists and 按职责分工负责. The notes are written for this test in the genre's wording; the
 * units expected are read off by hand.
 */
import { describe, expect, it } from 'vitest';
import { parseResponsibility } from '../src/core/catalogue/responsibility.js';

const units = (inner: string) => parseResponsibility(inner, { firstLeads: false })?.resp;

describe('a note with 牵头负责', () => {
  it('reads 牵头负责 as leading, not as part of the unit’s name', () => {
    expect(units('市发改委牵头负责')).toEqual({ lead: ['市发改委'], participants: [] });
    expect(units('市发改委牵头负责，市财政局、市统计局参与')).toEqual({
      lead: ['市发改委'],
      participants: ['市财政局', '市统计局'],
    });
  });

  it('makes the other responsible units partners of the one that leads', () => {
    expect(units('市发改委牵头负责，市财政局负责')).toEqual({
      lead: ['市发改委'],
      participants: ['市财政局'],
    });
    expect(units('市教育局牵头负责，各县（市、区）政府落实')).toEqual({
      lead: ['市教育局'],
      participants: ['各县（市、区）政府'],
    });
    expect(units('市卫健委牵头落实，市医保局负责')).toEqual({
      lead: ['市卫健委'],
      participants: ['市医保局'],
    });
    expect(units('市发改委牵头，市直有关部门按职责分工负责')).toEqual({
      lead: ['市发改委'],
      participants: ['市直有关部门'],
    });
  });
});

describe('other ways to name lead and partners', () => {
  it('reads 主办/协办, a labelled 牵头单位 with 责任单位, and units sharing the duty', () => {
    expect(units('市民政局主办，市财政局协办')).toEqual({ lead: ['市民政局'], participants: ['市财政局'] });
    expect(units('牵头单位：市卫健委；责任单位：市医保局、市财政局')).toEqual({
      lead: ['市卫健委'],
      participants: ['市医保局', '市财政局'],
    });
    expect(units('市应急局、市消防救援支队按职责分工负责')).toEqual({
      lead: ['市应急局', '市消防救援支队'],
      participants: [],
    });
  });
});
