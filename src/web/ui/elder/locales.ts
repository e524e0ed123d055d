// Texts of the 适老化 pieces shared by the phone pages: the large-type switch and voice input. Registered into i18next
// at module load under `elder`.
import { i18n } from '../../lib/i18n.ts';

export const elderZh = {
  largeType: '大字模式',
  short: '大字',
  largeTypeOn: '已切换为大字模式',
  largeTypeOff: '已切换为标准字号',
  largeTypeHint: '字更大、按钮更大，看得清、点得准',
  voice: '语音输入',
  voiceStop: '停止说话',
  listening: '请说话，说完点“停止说话”',
  voiceFailed: '没听清，请再说一次，或直接打字',
  voiceDenied: '没有麦克风权限，请在手机设置里允许，或直接打字',
};

export const elderEn: typeof elderZh = {
  largeType: 'Large type',
  short: 'Large',
  largeTypeOn: 'Large type is on',
  largeTypeOff: 'Standard type size',
  largeTypeHint: 'Bigger words and buttons, easier to read and tap',
  voice: 'Speak',
  voiceStop: 'Stop',
  listening: 'Speak now, then tap "Stop"',
  voiceFailed: 'Could not hear that; please try again, or type',
  voiceDenied: 'No microphone permission: allow it in the phone settings, or type',
};

i18n.addResourceBundle('zh-CN', 'translation', { elder: elderZh }, true, false);
i18n.addResourceBundle('en', 'translation', { elder: elderEn }, true, false);
