import type { DeviceState } from '../../shared/devices.ts';

/**
 * A device's state for the lists: `never` (nothing heard since it was registered), `offline` (its offline rule fired
 * and nothing was heard since), else `online`.
 */
export function deviceState(d: { lastSeenAt: Date | number | null; offlineSince: Date | number | null }): DeviceState {
  if (d.lastSeenAt === null) return 'never';
  if (d.offlineSince !== null) return 'offline';
  return 'online';
}
