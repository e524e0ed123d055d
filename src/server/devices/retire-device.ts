import type { Tx } from '../platform/db/db.ts';
import { forbidden, notFound } from '../platform/errors.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { stale } from '../registry/refusals.ts';
import { disarmDevice, lockDevice, updateDevice } from './device-store.ts';
import { deviceInvalid } from './create-device.ts';
import type { DeviceActor } from './presenters.ts';

/*
 * Retiring a device (taken away, broken): its token stops working (on every node within the authenticator's few
 * seconds), its rules look at nothing again; the device, its readings and its alarms stay for the record.
 */
export async function retireDevice(tx: Tx, who: DeviceActor, id: string, version: number): Promise<void> {
  if (!who.deviceEditor) throw forbidden();
  const d = await lockDevice(tx, who.reach, id);
  if (!d) throw notFound('device');
  if (d.status !== 'active') throw deviceInvalid('The device is retired already.', '设备已停用。');
  if (d.version !== version) throw stale();
  await updateDevice(tx, id, { status: 'retired' }, who.now);
  await disarmDevice(tx, id);
  await appendAudit(tx, {
    at: who.now, actorId: who.reach.accountId, actorName: who.reach.name, ip: who.ip, action: 'device.retire',
    targetType: 'device', targetId: id, success: true, detail: { type: d.device_type, binding: { kind: d.binding_kind, id: d.binding_id } },
  });
}
