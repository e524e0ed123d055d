// 适老化 for the phone pages: the large-type mode and voice input.
export { LargeTypeSwitch, LargeTypeButton } from './LargeTypeSwitch.tsx';
export { VoiceTextArea } from './VoiceTextArea.tsx';
export { useLargeType, setLargeType, isLargeType } from './large-type.ts';
