import { describe, expect, it } from 'vitest';
import { alarmCause, careOrderDescription, deviceCheckTitle, shanghaiTime } from '../../../src/domain/alarms/care-order-text.ts';

const raisedAt = new Date('2026-11-23T01:05:00Z'); // 09:05 in Shanghai

describe('careOrderDescription', () => {
  it('an inactivity at an old person\'s door', () => {
    expect(careOrderDescription(
      { category: 'care', alarmType: 'inactivity', ruleName: '24 小时未开门', level: 'red', raisedAt, details: { afterSec: 86400, lastEventAt: '2026-11-22T00:40:00Z' } },
      { type: 'doorMagnet', name: '3栋201门磁', bindingKind: 'household', address: '春晖路3栋201' },
    )).toBe('【红色告警】门磁「3栋201门磁」：24 小时未开门，已超过24小时，最后一次活动 11月22日 08:40（11月23日 09:05）。地址：春晖路3栋201。请立即上门查看住户情况。');
  });
  it('a low heart rate on a wristband, without an address', () => {
    expect(careOrderDescription(
      { category: 'care', alarmType: 'heartRateLow', ruleName: null, level: 'red', raisedAt, details: { key: 'heartRate', op: '<', value: 45, reading: 41, forSec: 120 } },
      { type: 'wristband', name: '王阿姨手环', bindingKind: 'resident', address: null },
    )).toBe('【红色告警】智能手环「王阿姨手环」：heartRateLow，读数 41（低于 45），持续2分钟（11月23日 09:05）。请立即上门查看佩戴人情况。');
  });
  it('a value the rule matched without a reading of its own (a repeat of a given value) is said as the reading', () => {
    expect(alarmCause({ category: 'safety', alarmType: 'gas', ruleName: '燃气', level: 'red', raisedAt, details: { value: 1 } })).toBe('燃气，读数 1');
  });
  it('smoke at a place is a safety order: go and deal with it', () => {
    expect(careOrderDescription(
      { category: 'safety', alarmType: 'smoke', ruleName: '烟雾报警', level: 'orange', raisedAt, details: { count: 3, withinSec: 60 } },
      { type: 'smokeDetector', name: '小吃店烟感', bindingKind: 'place', address: '春晖路8号' },
    )).toBe('【橙色告警】烟感「小吃店烟感」：烟雾报警，1分钟内3次（11月23日 09:05）。地址：春晖路8号。请立即到场核查处置。');
  });
});

describe('pieces', () => {
  it('Shanghai time crosses midnight', () => {
    expect(shanghaiTime(new Date('2026-11-23T16:30:00Z'))).toBe('11月24日 00:30');
  });
  it('a cause with seconds', () => {
    expect(alarmCause({ category: 'care', alarmType: 'x', ruleName: null, level: 'red', raisedAt, details: { forSec: 45 } })).toBe('x，持续45秒');
  });
  it('the device check task\'s title', () => {
    expect(deviceCheckTitle({ category: 'maintenance', alarmType: 'offline', ruleName: '设备离线', level: 'yellow', raisedAt, details: {} }, { type: 'gasSensor', name: '厨房燃气' }))
      .toBe('设备检查：燃气报警器「厨房燃气」（设备离线）');
  });
});
