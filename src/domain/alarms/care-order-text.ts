import type { AlarmCategory } from '../../shared/alarms.ts';
import type { DeviceType } from '../../shared/devices.ts';

/*
 * The description of the care order (关爱工单) an alarm opens, in Chinese as every case description is: what the device
 * saw, where, and what to do. No names: the case is read by everyone who works on it, the person is found through the
 * device's binding on the alarm (masked there too).
 */

export const DEVICE_TYPE_NAMES: Record<DeviceType, string> = {
  doorMagnet: '门磁', smokeDetector: '烟感', wristband: '智能手环', gasSensor: '燃气报警器', waterLeakSensor: '水浸传感器', waterLevelGauge: '水位计',
  camera: '智能摄像头', gateway: '平台网关',
};

export interface AlarmForText {
  category: AlarmCategory;
  alarmType: string;
  ruleName: string | null;
  level: 'red' | 'orange' | 'yellow';
  raisedAt: Date;
  details: Record<string, unknown>;
}

export interface DeviceForText {
  type: DeviceType;
  name: string;
  bindingKind: 'resident' | 'household' | 'place';
  address: string | null;
}

const LEVEL_NAMES = { red: '红色', orange: '橙色', yellow: '黄色' } as const;
/** a threshold's comparison in words: the reading was below, above … the rule's value */
const OP_WORDS: Record<string, string> = { '<': '低于', '<=': '不高于', '>': '高于', '>=': '不低于', '==': '等于' };
const BINDING_NAMES = { resident: '佩戴人', household: '住户', place: '场所' } as const;

/** A Shanghai wall-clock time, 11月23日 09:05. */
export function shanghaiTime(at: Date): string {
  const d = new Date(at.getTime() + 8 * 3600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`;
}

function duration(sec: number): string {
  if (sec >= 3600 && sec % 3600 === 0) return `${sec / 3600}小时`;
  if (sec >= 60 && sec % 60 === 0) return `${sec / 60}分钟`;
  return `${sec}秒`;
}

/** What the rule saw, from the details the rules engine left (a threshold's reading, op and value; forSec, afterSec, count, withinSec, lastEventAt). */
export function alarmCause(a: AlarmForText): string {
  const d = a.details;
  const num = (k: string) => (typeof d[k] === 'number' ? (d[k] as number) : null);
  const parts: string[] = [a.ruleName ?? a.alarmType];
  const value = num('value'); const forSec = num('forSec'); const afterSec = num('afterSec');
  const count = num('count'); const withinSec = num('withinSec');
  if (afterSec !== null) parts.push(`已超过${duration(afterSec)}`);
  const reading = num('reading');
  const op = typeof d.op === 'string' ? OP_WORDS[d.op] : undefined;
  if (reading !== null) parts.push(op && value !== null ? `读数 ${reading}（${op} ${value}）` : `读数 ${reading}`);
  else if (value !== null) parts.push(`读数 ${value}`);
  if (forSec !== null && forSec > 0) parts.push(`持续${duration(forSec)}`);
  if (count !== null) parts.push(withinSec !== null ? `${duration(withinSec)}内${count}次` : `${count}次`);
  if (typeof d.lastEventAt === 'string' && !Number.isNaN(Date.parse(d.lastEventAt))) parts.push(`最后一次活动 ${shanghaiTime(new Date(d.lastEventAt))}`);
  return parts.join('，');
}

/** The care order's description: 【红色告警】门磁「3栋201」：长时间无开门，已超过24小时（11月23日 09:05）。地址…。请立即上门查看住户情况。 */
export function careOrderDescription(a: AlarmForText, device: DeviceForText): string {
  const act = a.category === 'safety' ? '请立即到场核查处置' : `请立即上门查看${BINDING_NAMES[device.bindingKind]}情况`;
  const where = device.address ? `地址：${device.address}。` : '';
  return `【${LEVEL_NAMES[a.level]}告警】${DEVICE_TYPE_NAMES[device.type] ?? device.type}「${device.name}」：${alarmCause(a)}（${shanghaiTime(a.raisedAt)}）。${where}${act}。`;
}

/** The title of a maintenance alarm's deviceCheck task: 设备离线检查：门磁「3栋201」. */
export function deviceCheckTitle(a: AlarmForText, device: Pick<DeviceForText, 'type' | 'name'>): string {
  return `设备检查：${DEVICE_TYPE_NAMES[device.type] ?? device.type}「${device.name}」${a.ruleName ? `（${a.ruleName}）` : ''}`;
}
