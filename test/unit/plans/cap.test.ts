import { describe, expect, it } from 'vitest';
import {
  capCircle, capPolygon, capRefusals, capTime, circleRefusal, draftCapAlert, parseCapTime, polygonRefusal, type CapDraftInput,
} from '../../../src/domain/plans/cap.ts';
import type { CapAlert } from '../../../src/shared/plans.ts';

const input: CapDraftInput = {
  incidentId: 'inc-42', seq: 1, townCode: '500199001000', townName: '春晖路街道', drill: false, msgType: 'Alert', references: [],
  notice: {
    event: '河道涨水', urgency: 'Immediate', severity: null, certainty: 'Likely', headline: '清水溪水位超警戒',
    description: '清水溪春晖桥断面水位超过警戒水位。', instruction: '沿河住户请向春晖路小学转移。', areaDesc: '清水溪沿岸', expiresAfterH: 6,
  },
  hazard: 'flood', level: 'IV',
  sentAt: new Date('2026-07-14T23:50:12.789Z'), // 07:50:12 next day in China
  area: { areaDesc: '清水溪沿岸', polygons: [[{ lng: 106.478, lat: 29.458 }, { lng: 106.482, lat: 29.458 }, { lng: 106.482, lat: 29.462 }]] },
};

describe('draftCapAlert', () => {
  it('an Actual alert of a real incident, written out in full', () => {
    expect(draftCapAlert(input)).toEqual({
      identifier: 'zhizhi.500199001000.inc-42.1',
      sender: 'zhizhi@500199001000.gov.cn',
      sent: '2026-07-15T07:50:12+08:00',
      status: 'Actual',
      msgType: 'Alert',
      scope: 'Public',
      references: [],
      note: null,
      info: {
        language: 'zh-CN',
        category: ['Met'],
        event: '河道涨水',
        urgency: 'Immediate',
        severity: 'Minor',
        certainty: 'Likely',
        effective: '2026-07-15T07:50:12+08:00',
        onset: null,
        expires: '2026-07-15T13:50:12+08:00',
        senderName: '春晖路街道基层治理指挥中心',
        headline: '清水溪水位超警戒（Ⅳ级响应）',
        description: '清水溪春晖桥断面水位超过警戒水位。',
        instruction: '沿河住户请向春晖路小学转移。',
        area: {
          areaDesc: '清水溪沿岸',
          polygons: ['29.458,106.478 29.458,106.482 29.462,106.482 29.458,106.478'],
          circles: [],
        },
      },
    });
  });

  it('a drill is an Exercise, says so in its note and its headline', () => {
    const a = draftCapAlert({ ...input, drill: true });
    expect([a.status, a.note, a.info.headline]).toEqual(['Exercise', '演练，非真实事件', '【演练】清水溪水位超警戒（Ⅳ级响应）']);
  });

  it.each([
    ['I', 'Extreme'], ['II', 'Severe'], ['III', 'Moderate'], ['IV', 'Minor'],
  ] as const)('level %s without a severity in the notice → %s', (level, severity) => {
    expect(draftCapAlert({ ...input, level }).info.severity).toBe(severity);
  });

  it('a severity named by the notice wins over the level', () => {
    expect(draftCapAlert({ ...input, level: 'IV', notice: { ...input.notice, severity: 'Severe' } }).info.severity).toBe('Severe');
  });

  it.each([
    ['forestFire', ['Fire']], ['flood', ['Met']], ['geologicalHazard', ['Geo']], ['buildingCrack', ['Safety', 'Infra']],
    ['heatWave', ['Met', 'Health']], ['hazmat', ['CBRNE']], ['publicHealth', ['Health']], ['other', ['Other']],
  ] as const)('hazard %s → categories %j', (hazard, category) => {
    expect(draftCapAlert({ ...input, hazard }).info.category).toEqual(category);
  });

  it('an Update references the first alert as "sender,identifier,sent", with its own identifier and the new level', () => {
    const first = draftCapAlert(input);
    const update = draftCapAlert({ ...input, seq: 2, msgType: 'Update', level: 'III', references: [first], sentAt: new Date('2026-07-15T01:00:00Z') });
    expect(update.identifier).toBe('zhizhi.500199001000.inc-42.2');
    expect(update.references).toEqual(['zhizhi@500199001000.gov.cn,zhizhi.500199001000.inc-42.1,2026-07-15T07:50:12+08:00']);
    expect(update.info.headline).toBe('【更新】清水溪水位超警戒（Ⅲ级响应）');
    expect(update.info.severity).toBe('Moderate');
  });

  it('a Cancel carries the stand-down reason as its note', () => {
    const cancel = draftCapAlert({ ...input, seq: 3, msgType: 'Cancel', references: [draftCapAlert(input)], note: '  水位回落 ' });
    expect([cancel.msgType, cancel.note, cancel.info.headline]).toEqual(['Cancel', '水位回落', '【解除】清水溪水位超警戒（Ⅳ级响应）']);
  });

  it.each([
    ['an onset after sending is kept', new Date('2026-07-15T00:30:00Z'), '2026-07-15T08:30:00+08:00'],
    ['an onset at the sending second is kept', new Date('2026-07-14T23:50:12.000Z'), '2026-07-15T07:50:12+08:00'],
    ['an onset before sending is left out (the event is under way)', new Date('2026-07-14T23:00:00Z'), null],
    ['no onset', null, null],
  ] as const)('%s', (_name, onsetAt, onset) => {
    expect(draftCapAlert({ ...input, onsetAt }).info.onset).toBe(onset);
  });

  it('a circle when the incident has a point and no grid; a ring already closed is not closed twice', () => {
    const a = draftCapAlert({
      ...input,
      area: { areaDesc: '春晖路12号', polygons: [[{ lng: 1, lat: 2 }, { lng: 3, lat: 2 }, { lng: 3, lat: 4 }, { lng: 1, lat: 2 }]], circle: { center: { lng: 106.4801234567, lat: 29.46 }, radiusKm: 1 } },
    });
    expect(a.info.area).toEqual({ areaDesc: '春晖路12号', polygons: ['2,1 2,3 4,3 2,1'], circles: ['29.46,106.480123 1'] });
  });

  it('a long headline is cut to 160 characters', () => {
    const h = draftCapAlert({ ...input, drill: true, notice: { ...input.notice, headline: '水'.repeat(200) } }).info.headline;
    expect(h.length).toBe(160);
    expect(h.startsWith('【演练】水')).toBe(true);
    expect(h.endsWith('水…')).toBe(true);
  });

  it('every drafted alert passes capRefusals', () => {
    const first = draftCapAlert(input);
    for (const a of [first, draftCapAlert({ ...input, drill: true }), draftCapAlert({ ...input, seq: 2, msgType: 'Update', references: [first] }),
      draftCapAlert({ ...input, seq: 3, msgType: 'Cancel', references: [first], note: '解除' })]) {
      expect(capRefusals(a)).toEqual([]);
    }
  });
});

describe('CAP times, polygons, circles', () => {
  it.each([
    [new Date('2026-12-03T03:30:00Z'), '2026-12-03T11:30:00+08:00'],
    [new Date('2026-12-31T16:00:00.999Z'), '2027-01-01T00:00:00+08:00'],
    [new Date('2026-02-28T18:59:59.5Z'), '2026-03-01T02:59:59+08:00'],
  ])('capTime(%s) = %s', (at, text) => {
    expect(capTime(at)).toBe(text);
  });
  it.each([
    ['2026-12-03T11:30:00+08:00', Date.UTC(2026, 11, 3, 3, 30)],
    ['2026-12-03T03:30:00-00:00', Date.UTC(2026, 11, 3, 3, 30)],
    ['2026-12-03T03:30:00Z', null],
    ['2026-12-03T11:30:00.000+08:00', null],
    ['2026-12-03 11:30:00+08:00', null],
    ['2026-13-03T11:30:00+08:00', null],
  ] as const)('parseCapTime(%s) = %s', (text, ms) => {
    expect(parseCapTime(text)).toBe(ms);
  });
  it('capPolygon writes latitude first and closes the ring; capCircle writes "lat,lng r"', () => {
    expect(capPolygon([{ lng: 106.1, lat: 29.1 }, { lng: 106.2, lat: 29.1 }, { lng: 106.2, lat: 29.2 }])).toBe('29.1,106.1 29.1,106.2 29.2,106.2 29.1,106.1');
    expect(capCircle({ lng: 106.5, lat: 29.5 }, 0.25)).toBe('29.5,106.5 0.25');
  });
  it.each([
    ['29.1,106.1 29.1,106.2 29.2,106.2 29.1,106.1', null],
    ['29.1,106.1 29.1,106.2 29.1,106.1', '多边形至少要有4个点（首尾相同），现有3个'],
    ['29.1,106.1 29.1,106.2 29.2,106.2 29.3,106.1', '多边形没有闭合（最后一点须与第一点相同）'],
    ['29.1,106.1 29.1;106.2 29.2,106.2 29.1,106.1', '多边形的坐标“29.1;106.2”应写作“纬度,经度”'],
    ['91,106.1 29.1,106.2 29.2,106.2 91,106.1', '多边形的坐标“91,106.1”超出纬度−90～90、经度−180～180'],
  ])('polygonRefusal(%s)', (polygon, refusal) => {
    expect(polygonRefusal(polygon)).toBe(refusal);
  });
  it.each([
    ['29.5,106.5 1', null],
    ['29.5,106.5 0', null],
    ['-29.5,-106.5 12.5', null],
    ['29.5,106.5', '圆形区域“29.5,106.5”应写作“纬度,经度 半径公里”'],
    ['29.5,106.5 -1', '圆形区域“29.5,106.5 -1”的半径不能为负'],
    ['29.5,206.5 1', '圆形区域的坐标“29.5,206.5”超出纬度−90～90、经度−180～180'],
  ])('circleRefusal(%s)', (circle, refusal) => {
    expect(circleRefusal(circle)).toBe(refusal);
  });
});

describe('capRefusals', () => {
  const ok = draftCapAlert(input);
  const info = (change: Partial<CapAlert['info']>) => ({ ...ok, info: { ...ok.info, ...change } });

  it.each<[string, CapAlert, string[]]>([
    ['an identifier with a space', { ...ok, identifier: 'zhizhi 1' }, ['标识“zhizhi 1”不能含空格、逗号、“<”或“&”']],
    ['an identifier with a comma', { ...ok, identifier: 'a,b' }, ['标识“a,b”不能含空格、逗号、“<”或“&”']],
    ['a sender with &', { ...ok, sender: 'a&b@gov.cn' }, ['发送方“a&b@gov.cn”不能含空格、逗号、“<”或“&”']],
    ['no sender', { ...ok, sender: '' }, ['发送方不能为空']],
    ['a sent time in UTC with Z', { ...ok, sent: '2026-07-14T23:50:12Z' }, ['发送时间“2026-07-14T23:50:12Z”不是带时区的CAP时间（如2026-12-03T11:30:00+08:00）']],
    ['a status not in CAP', { ...ok, status: 'Real' as CapAlert['status'] }, ['状态“Real”不是CAP 1.2允许的取值']],
    ['a msgType not in CAP', { ...ok, msgType: 'Notice' as CapAlert['msgType'] }, ['消息类型“Notice”不是CAP 1.2允许的取值']],
    ['scope Restricted without a restriction', { ...ok, scope: 'Restricted' }, ['范围须为Public（本预警不带限制说明与收件地址）']],
    ['an Update without references', { ...ok, msgType: 'Update' }, ['更新消息须引用此前的预警']],
    ['a Cancel without references', { ...ok, msgType: 'Cancel' }, ['取消消息须引用此前的预警']],
    ['a reference missing its sent time', { ...ok, msgType: 'Update', references: ['zhizhi@x.gov.cn,id-1'] }, ['引用“zhizhi@x.gov.cn,id-1”应写作“发送方,标识,发送时间”']],
    ['no category', info({ category: [] }), ['至少要有一个类别']],
    ['a category not in CAP', info({ category: ['Flood' as never] }), ['类别“Flood”不是CAP 1.2允许的取值']],
    ['no event', info({ event: ' ' }), ['事件名称不能为空']],
    ['an urgency, severity and certainty not in CAP', info({ urgency: 'Now' as never, severity: 'Big' as never, certainty: 'Sure' as never }),
      ['紧急程度“Now”不是CAP 1.2允许的取值', '严重程度“Big”不是CAP 1.2允许的取值', '确定程度“Sure”不是CAP 1.2允许的取值']],
    ['a language that is no code', info({ language: '中文' }), ['语言“中文”不是语言代码']],
    ['no area description', info({ area: { ...ok.info.area, areaDesc: '' } }), ['影响区域描述不能为空']],
    ['an open polygon', info({ area: { ...ok.info.area, polygons: ['1,1 1,2 2,2 2,1'] } }), ['多边形没有闭合（最后一点须与第一点相同）']],
    ['a circle without radius', info({ area: { ...ok.info.area, circles: ['29.5,106.5'] } }), ['圆形区域“29.5,106.5”应写作“纬度,经度 半径公里”']],
    ['a control character in the description', info({ description: 'a\u0001b' }), ['文字中含有控制字符']],
    ['a headline over 160 characters', info({ headline: '警'.repeat(161) }), ['标题超过160个字']],
    // the time rules: sent ≤ effective, onset, expires; effective ≤ expires; onset ≤ expires
    ['effective before sent', info({ effective: '2026-07-15T07:50:11+08:00' }), ['发送时间晚于生效时间']],
    ['onset before sent', info({ onset: '2026-07-15T07:00:00+08:00' }), ['发送时间晚于开始时间']],
    ['expires before sent (and before effective)', info({ expires: '2026-07-15T07:00:00+08:00' }), ['发送时间晚于失效时间', '生效时间晚于失效时间']],
    ['onset after expires', info({ onset: '2026-07-15T14:00:00+08:00' }), ['开始时间晚于失效时间']],
    ['effective after expires, sent before both', info({ effective: '2026-07-15T14:00:00+08:00' }), ['生效时间晚于失效时间']],
    ['times compared as instants across zones: 23:50:12 UTC is the sent instant', info({ effective: '2026-07-14T23:50:12-00:00' }), []],
    ['an onset with a fraction', info({ onset: '2026-07-15T08:00:00.5+08:00' }), ['开始时间“2026-07-15T08:00:00.5+08:00”不是带时区的CAP时间（如2026-12-03T11:30:00+08:00）']],
  ])('%s', (_name, alert, expected) => {
    expect(capRefusals(alert)).toEqual(expected);
  });
});
