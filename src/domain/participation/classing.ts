// 三事分流: the system's suggestion of a resident's matter's class, read from its words, and when changing it needs a
// reason. Plain rules over plain data, no I/O. The rules, written down:
//   1. the title and the description are read together; every keyword of a class found in them counts once;
//      公事 (public: a case in the loop) — 路灯, 井盖, 道路, 马路, 坑洼, 垃圾清运, 垃圾堆, 违建, 违章搭建, 占道, 安全隐患,
//        漏水管网, 下水道, 污水, 噪音, 消防, 电线, 积水, 塌陷;
//      共事 (shared: deliberation by a council) — 加装电梯, 电梯, 停车, 车位, 绿化, 楼道, 公共空间, 议一议, 商量,
//        改造, 充电桩, 健身, 广场舞, 物业 (not 小区 or 大家: nearly every matter says them — 「小区门口路灯坏了」 is a case);
//      家事 (private: neighbour help and volunteers) — 照顾, 独居, 邻居, 帮忙, 代买, 陪诊, 老人, 看护, 接送, 搬家, 家里;
//   2. the class with the most keywords found is suggested, its reasons 「含“路灯”」… in the order of the list;
//   3. no keyword, or two classes tied at the top → 公事 with the reason 「未识别，按公事处理」 (a case is never lost:
//      staff class it again when it is not one).
// Choosing a class other than the suggested one, and any reclass after routing, needs a reason (classChangeRefusal).
import type { MatterClass } from '../../shared/participation.ts';

export const CLASS_KEYWORDS: Record<MatterClass, readonly string[]> = {
  public: ['路灯', '井盖', '道路', '马路', '坑洼', '垃圾清运', '垃圾堆', '违建', '违章搭建', '占道', '安全隐患', '漏水管网', '下水道', '污水', '噪音', '消防', '电线', '积水', '塌陷'],
  shared: ['加装电梯', '电梯', '停车', '车位', '绿化', '楼道', '公共空间', '议一议', '商量', '改造', '充电桩', '健身', '广场舞', '物业'],
  private: ['照顾', '独居', '邻居', '帮忙', '代买', '陪诊', '老人', '看护', '接送', '搬家', '家里'],
};

export const UNRECOGNISED_REASON = '未识别，按公事处理';

export const MATTER_CLASS_NAMES: Record<MatterClass, string> = { public: '公事', shared: '共事', private: '家事' };

export interface ClassSuggestion {
  class: MatterClass;
  reasons: string[];
}

/** The suggested class of a matter and the keywords that made it (see the rules above). */
export function suggestMatterClass(matter: { title: string; description: string }): ClassSuggestion {
  const text = `${matter.title ?? ''}\n${matter.description ?? ''}`;
  const found = (Object.keys(CLASS_KEYWORDS) as MatterClass[]).map((c) => ({
    c,
    words: CLASS_KEYWORDS[c].filter((w) => text.includes(w)),
  }));
  const best = Math.max(...found.map((f) => f.words.length));
  const top = found.filter((f) => f.words.length === best);
  if (best === 0 || top.length > 1) return { class: 'public', reasons: [UNRECOGNISED_REASON] };
  const winner = top[0]!;
  return { class: winner.c, reasons: winner.words.map((w) => `含“${w}”`) };
}

/**
 * Why a class choice is refused (zh), or null when it may go ahead: a class other than the suggested one, and any
 * reclass (changing the class of a matter already classed), needs a reason.
 */
export function classChangeRefusal(
  suggested: MatterClass | null,
  chosen: MatterClass,
  reason: string | null | undefined,
  opts: { reclass: boolean },
): string | null {
  const hasReason = (reason ?? '').trim() !== '';
  if (hasReason) return null;
  if (opts.reclass) return `改为「${MATTER_CLASS_NAMES[chosen]}」需要填写改类理由`;
  if (suggested !== null && chosen !== suggested) {
    return `系统建议为「${MATTER_CLASS_NAMES[suggested]}」，选择「${MATTER_CLASS_NAMES[chosen]}」需要填写理由`;
  }
  return null;
}

/** The English of a stored reason (for the English page): 含“路灯” → mentions “路灯”. */
export function classReasonEn(zh: string): string {
  if (zh === UNRECOGNISED_REASON) return 'not recognised: treated as public';
  const m = /^含“(.+)”$/.exec(zh);
  return m ? `mentions “${m[1]}”` : zh;
}
