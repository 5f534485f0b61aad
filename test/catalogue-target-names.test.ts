/**
 * Short names of targets (name.ts) from small hand-written indicators: the name a report sentence and a
 * table header show. Every expected name is written by hand from the rule a reader would apply.
 */
import { describe, expect, it } from 'vitest';
import { shortName, type NameInput } from '../src/core/catalogue/name.js';

const name = (indicator: string, unit: string | null, over: Partial<NameInput> = {}): string =>
  shortName({ indicator, quote: '', unit, comparator: '>=', ...over });

describe('names of shares (%, ‰, 个百分点)', () => {
  it('turns "X达到Y总数" into "X占Y比例", saying 人 once against 人口', () => {
    expect(name('社会体育指导员人数达到人口总数', '‰')).toBe('社会体育指导员占人口比例');
    expect(name('经常参加体育锻炼的人数占总人口', '%')).toBe('经常参加体育锻炼占总人口比例');
  });

  it('keeps 人数 and drops only 总数 when the whole is not the population', () => {
    expect(name('绿色建筑面积占新建建筑总数', '%')).toBe('绿色建筑面积占新建建筑比例');
    expect(name('签约居民人数达到常住居民总人数', '%')).toBe('签约居民人数占常住居民比例');
    expect(name('规模以上工业企业研发经费投入占营业收入', '%')).toBe(
      '规模以上工业企业研发经费投入占营业收入比例',
    );
  });

  it('drops a 的 before 人数 or a measure of quantity in the part', () => {
    expect(name('参加医保的数量占全部企业', '%')).toBe('参加医保数量占全部企业比例');
    expect(name('参加医保的企业占全部企业', '%')).toBe('参加医保的企业占全部企业比例');
  });

  it('keeps a name that already ends as a rate, a share or a change', () => {
    expect(name('到2025年全省城镇化率达到', '%')).toBe('城镇化率');
    expect(name('，城乡居民健康素养水平达到', '%')).toBe('城乡居民健康素养水平');
    expect(name('服务业增加值占地区生产总值的比重', '%')).toBe('服务业增加值占地区生产总值的比重');
    expect(name('单位地区生产总值能耗下降', '%')).toBe('单位地区生产总值能耗下降');
    expect(name('居民人均可支配收入增速', '%')).toBe('居民人均可支配收入增速');
  });

  it('does not read 占比 as "占 … 比例"', () => {
    expect(name('数字经济核心产业增加值占比提高', '个百分点')).toBe('数字经济核心产业增加值占比提高');
  });

  it('adds 比例 to anything else measured in percent', () => {
    expect(name('二级以上医院开展远程医疗服务', '%')).toBe('二级以上医院开展远程医疗服务比例');
    expect(name('其占全省', '%')).toBe('其占全省比例');
  });
});

describe('names of counts', () => {
  it('drops the verb of doing and names the thing counted with 数', () => {
    expect(name('新建社区医院', '家')).toBe('社区医院数');
    expect(name('建设国家临床重点专科', '个')).toBe('国家临床重点专科数');
    expect(name('力争创建国家级示范区', '万个')).toBe('国家级示范区数');
  });

  it('strips scope, time and verbs in turn, however they are stacked', () => {
    expect(name('到2025年全省累计新建社区卫生服务中心', '个')).toBe('社区卫生服务中心数');
    expect(name('2025年底前我省新增养老床位', '张')).toBe('养老床位数');
  });

  it('counts people with 人数 and events with 次数', () => {
    expect(name('培养全科医生', '名')).toBe('全科医生人数');
    expect(name('新增城镇就业', '万人')).toBe('城镇就业人数');
    expect(name('开展义诊活动', '次')).toBe('义诊活动次数');
    expect(name('举办体育赛事', '场次')).toBe('体育赛事次数');
  });

  it('adds nothing to a name that is already a measure, or to a unit that is not a count', () => {
    expect(name('建设标准化村卫生室数量', '个')).toBe('标准化村卫生室数量');
    expect(name('人均体育场地面积', '平方米')).toBe('人均体育场地面积');
    expect(name('年接待游客', '万人次')).toBe('年接待游客');
    expect(name('旅游总收入', '亿元')).toBe('旅游总收入');
    expect(name('旅游总收入', null)).toBe('旅游总收入');
  });

  it('cuts the indicator at 达到 or 超过 that the figure follows', () => {
    expect(name('养老床位达到每千名老人', '张')).toBe('养老床位数');
    expect(name('年接待游客超过上年', '万人次')).toBe('年接待游客');
    expect(name('达到国家标准的村', '个')).toBe('达到国家标准的村数');
  });

  it('strips a verb only when a name of two characters follows it', () => {
    expect(name('新建', '个')).toBe('新建数');
  });
});

describe('names of milestones', () => {
  const milestone = (indicator: string) => name(indicator, null, { comparator: 'milestone' });

  it('keeps the verb and the head noun after the last 的', () => {
    expect(milestone('到2025年基本建立覆盖城乡的公共体育服务体系')).toBe('建立公共体育服务体系');
    expect(milestone('力争形成体系完整、分工明确的整合型医疗卫生服务体系')).toBe(
      '形成整合型医疗卫生服务体系',
    );
    expect(milestone('建立健全统一的医保信息平台')).toBe('建立健全医保信息平台');
  });

  it('keeps the whole when the head noun is too short or there is no verb', () => {
    expect(milestone('完成全部的改造')).toBe('完成全部的改造');
    // 全省 is scope, not part of the name
    expect(milestone('全省统一的预约挂号平台')).toBe('统一的预约挂号平台');
  });

  it('writes the verb once when there is no 的 to cut at', () => {
    expect(milestone('建立分级诊疗制度')).toBe('建立分级诊疗制度');
    expect(milestone('完成县级医院提标改造')).toBe('完成县级医院提标改造');
  });

  it('keeps the first item of an enumeration before 等', () => {
    expect(milestone('家庭医生、社区护士、康复师等队伍建设')).toBe('家庭医生等队伍建设');
  });
});

describe('what is stripped around a name', () => {
  it('drops spaces and runs of punctuation at either end', () => {
    expect(name('城乡居民 健康素养水平', '%')).toBe('城乡居民健康素养水平');
    expect(name('，、城乡居民健康素养水平达到；。', '%')).toBe('城乡居民健康素养水平');
    expect(
      shortName({
        indicator: '到2025年 建立覆盖城乡的 公共体育服务体系',
        quote: '',
        unit: null,
        comparator: 'milestone',
      }),
    ).toBe('建立公共体育服务体系');
  });

  it('drops every word of resolve before a milestone’s verb, and reads the verb only at the start', () => {
    const milestone = (indicator: string) =>
      shortName({ indicator, quote: '', unit: null, comparator: 'milestone' });
    expect(milestone('力争确保建立覆盖城乡的公共体育服务体系')).toBe('建立公共体育服务体系');
    expect(milestone('加快形成多元参与的养老服务格局')).toBe('加快形成多元参与的养老服务格局');
    // a head noun of four characters is enough
    expect(milestone('建立覆盖城乡的服务体系')).toBe('建立服务体系');
  });

  it('keeps a cut name of two characters', () => {
    expect(name('床位达到每千人', '张')).toBe('床位数');
  });
});

describe('names made from the quote, and their length', () => {
  it('uses the quote up to its figure when the indicator is missing or one character', () => {
    expect(shortName({ indicator: '', quote: '新建社区医院20家', unit: '家', comparator: '>=' })).toBe(
      '社区医院数',
    );
    expect(shortName({ indicator: '院', quote: '新建社区医院20家', unit: '家', comparator: '>=' })).toBe(
      '社区医院数',
    );
    expect(shortName({ indicator: '体系', quote: '新建社区医院20家', unit: '家', comparator: '>=' })).toBe(
      '体系数',
    );
  });

  it('cuts a name at 24 characters, a table header of a few lines', () => {
    const exactly24 = '甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥天地';
    expect(exactly24).toHaveLength(24);
    expect(name(exactly24, '亿元')).toBe(exactly24);
    expect(name(`${exactly24}人`, '亿元')).toBe(exactly24);
  });
});
