// A thing people know by its name (a post, a unit, a category), with its code beside it, small and grey, for those
// who work with codes (an editor, a version history, the org admin page); lists read by everyone pass codeOnHover and
// show the name alone, the code in the tooltip. In a narrow cell the whole text is cut with an ellipsis and shown in
// full on hover.
import { Tooltip } from 'antd';

export function NameCode({ name, code, ellipsis = false, codeOnHover = false }: {
  name: string | null | undefined; code?: string | null; ellipsis?: boolean; codeOnHover?: boolean;
}) {
  const shown = name || code || '—';
  const full = name && code ? `${name}（${code}）` : shown;
  const body = (
    <span className={ellipsis ? 'zz-namecode zz-clip' : 'zz-namecode'} data-code={code ?? undefined}>
      {shown}
      {name && code && !codeOnHover ? <span className="zz-namecode-code">{code}</span> : null}
    </span>
  );
  return ellipsis || (codeOnHover && full !== shown) ? <Tooltip title={full} placement="topLeft" mouseEnterDelay={0.3}>{body}</Tooltip> : body;
}

/** A cell's text cut to one line with an ellipsis, the full text on hover. */
export function Clip({ text }: { text: string | null | undefined }) {
  if (!text) return <>—</>;
  return <Tooltip title={text} placement="topLeft" mouseEnterDelay={0.3}><span className="zz-clip">{text}</span></Tooltip>;
}
