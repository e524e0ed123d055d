// A tiny trend line (no chart library): the values as an inline SVG polyline, the last point marked, each point titled.
export function Sparkline({ values, labels, width = 160, height = 36, color = '#1f5fa8', testId }: {
  values: readonly number[]; labels?: readonly string[]; width?: number; height?: number; color?: string; testId?: string;
}) {
  if (values.length === 0) return null;
  const max = Math.max(...values);
  const min = Math.min(...values);
  const pad = 4;
  const span = max - min || 1;
  const x = (i: number) => pad + (values.length === 1 ? 0 : (i * (width - 2 * pad)) / (values.length - 1));
  const y = (v: number) => height - pad - ((v - min) * (height - 2 * pad)) / span;
  const points = values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
  const last = values.length - 1;
  return (
    <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" data-testid={testId} style={{ display: 'block' }}>
      <polyline points={points} fill="none" stroke={color} strokeWidth={1.5} strokeLinejoin="round" />
      {values.map((v, i) => (
        <circle key={i} cx={x(i)} cy={y(v)} r={i === last ? 3 : 1.5} fill={i === last ? color : '#fff'} stroke={color} strokeWidth={1}>
          <title>{`${labels?.[i] ?? ''} ${v}`.trim()}</title>
        </circle>
      ))}
    </svg>
  );
}
