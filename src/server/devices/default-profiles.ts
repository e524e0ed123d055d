import type { DeviceType, Rule } from '../../shared/devices.ts';
import type { EscalationPolicy } from '../../shared/alarms.ts';

export interface DefaultProfile {
  id: string;
  deviceType: DeviceType;
  name: string;
  rules: Rule[];
  escalation: EscalationPolicy;
}

/**
 * Escalation until someone answers: the grid worker and the care post at once; after 5 minutes unanswered the
 * community's staff; after 5 more the command center's duty officer; then the last step again every 5 minutes.
 */
export const DEFAULT_ESCALATION: EscalationPolicy = {
  steps: [
    { notify: ['gridWorker', 'carePost'], afterMin: 0 },
    { notify: ['communityStaff'], afterMin: 5 },
    { notify: ['dutyOfficer'], afterMin: 5 },
  ],
  repeatEveryMin: 5,
};

const offline = (afterSec: number): Rule => ({
  id: 'offline', name: '设备离线', enabled: true, kind: 'offline', alarmType: 'offline', level: 'yellow', afterSec,
});

/**
 * The platform's profiles, one per device type (town_id null, offered to every town; a device gets its type's
 * profile unless another is picked). Inserted at start-up when missing; a leader's edits to them are kept.
 */
export const DEFAULT_PROFILES: readonly DefaultProfile[] = [
  {
    id: 'platform-door-magnet', deviceType: 'doorMagnet', name: '门磁（独居老人）',
    rules: [
      { id: 'no-door', name: '24 小时未开门', enabled: true, kind: 'inactivity', key: 'door', afterSec: 24 * 3600, alarmType: 'inactivity', level: 'red', matterCode: 'S0101' },
      offline(3600),
    ],
    escalation: DEFAULT_ESCALATION,
  },
  {
    id: 'platform-wristband', deviceType: 'wristband', name: '健康手环',
    rules: [
      { id: 'hr-low', name: '心率过低（< 45 持续 2 分钟）', enabled: true, kind: 'threshold', key: 'heartRate', op: '<', value: 45, forSec: 120, alarmType: 'heartRateLow', level: 'red', matterCode: 'S0102' },
      { id: 'hr-high', name: '心率过高（> 150 持续 2 分钟）', enabled: true, kind: 'threshold', key: 'heartRate', op: '>', value: 150, forSec: 120, alarmType: 'heartRateHigh', level: 'red', matterCode: 'S0102' },
      { id: 'sos', name: '一键呼救', enabled: true, kind: 'repeat', key: 'sos', count: 1, withinSec: 60, alarmType: 'sos', level: 'red', matterCode: 'S0102' },
      { id: 'fall', name: '跌倒', enabled: true, kind: 'repeat', key: 'fall', count: 1, withinSec: 60, alarmType: 'fall', level: 'red', matterCode: 'S0102' },
      offline(3600),
    ],
    escalation: DEFAULT_ESCALATION,
  },
  {
    id: 'platform-smoke-detector', deviceType: 'smokeDetector', name: '烟感',
    rules: [
      { id: 'smoke', name: '烟雾报警', enabled: true, kind: 'repeat', key: 'smoke', count: 1, withinSec: 60, alarmType: 'smoke', level: 'red', matterCode: 'S0201' },
      offline(24 * 3600),
    ],
    escalation: DEFAULT_ESCALATION,
  },
  {
    id: 'platform-gas-sensor', deviceType: 'gasSensor', name: '燃气报警器',
    rules: [
      { id: 'gas', name: '燃气浓度超标（≥ 爆炸下限的 20%）', enabled: true, kind: 'threshold', key: 'gas', op: '>=', value: 20, forSec: 0, alarmType: 'gas', level: 'red', matterCode: 'S0201' },
      offline(24 * 3600),
    ],
    escalation: DEFAULT_ESCALATION,
  },
  {
    id: 'platform-water-leak', deviceType: 'waterLeakSensor', name: '水浸传感器',
    rules: [
      { id: 'water', name: '漏水', enabled: true, kind: 'repeat', key: 'water', count: 1, withinSec: 60, alarmType: 'waterLeak', level: 'orange', matterCode: 'S0201' },
      offline(24 * 3600),
    ],
    escalation: DEFAULT_ESCALATION,
  },
  {
    // 水位计 at a river or a low bridge: its readings are the water level in metres above the gauge's zero. The default
    // warning (警戒) 3.0 m and danger (危险) 3.5 m levels are placeholders a town sets per river in its own profile.
    id: 'platform-water-level', deviceType: 'waterLevelGauge', name: '水位计（河道）',
    rules: [
      { id: 'level-high', name: '水位超警戒（≥ 3.0 米持续 1 分钟）', enabled: true, kind: 'threshold', key: 'waterLevel', op: '>=', value: 3.0, forSec: 60, alarmType: 'waterLevelHigh', level: 'orange', matterCode: 'S0302' },
      { id: 'level-critical', name: '水位超危险（≥ 3.5 米持续 1 分钟）', enabled: true, kind: 'threshold', key: 'waterLevel', op: '>=', value: 3.5, forSec: 60, alarmType: 'waterLevelCritical', level: 'red', matterCode: 'S0302' },
      offline(3600),
    ],
    escalation: DEFAULT_ESCALATION,
  },
  {
    id: 'platform-camera', deviceType: 'camera', name: 'AI 摄像头',
    rules: [
      { id: 'fire', name: '烟火识别', enabled: true, kind: 'repeat', key: 'fire', count: 2, withinSec: 60, alarmType: 'fire', level: 'red', matterCode: 'S0201' },
      offline(3600),
    ],
    escalation: DEFAULT_ESCALATION,
  },
  {
    id: 'platform-gateway', deviceType: 'gateway', name: '平台网关',
    rules: [offline(3600)],
    escalation: DEFAULT_ESCALATION,
  },
];
