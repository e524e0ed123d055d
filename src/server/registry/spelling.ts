import { pinyin } from 'pinyin-pro';

/** A name's pinyin and initials (张淑芬 → zhangshufen, zsf), worked out at write time so search needs no library. */
export function spell(name: string): { pinyin: string; initials: string } {
  return {
    pinyin: pinyin(name, { toneType: 'none', separator: '', nonZh: 'consecutive' }).toLowerCase().replace(/\s+/g, ''),
    initials: pinyin(name, { pattern: 'first', toneType: 'none', separator: '', nonZh: 'consecutive' }).toLowerCase().replace(/\s+/g, ''),
  };
}
