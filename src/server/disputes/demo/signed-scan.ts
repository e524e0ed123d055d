import sharp from 'sharp';

/**
 * The photo of a signed 人民调解协议书 for the demo: a sheet on a desk, lines of print, the parties' signatures and
 * thumbprints, and the committee's red seal. Drawn (no text: the server's fonts may lack Chinese), not shipped, so the
 * repository carries no binary file; `variant` changes the sheet's tilt, the number of lines and the signatures.
 */
export async function drawSignedAgreement(variant: number, parties: number): Promise<Buffer> {
  const tilt = ((variant * 37) % 7) - 3;
  const lines: string[] = [];
  // the title, then the body's lines of print (short grey bars), some shorter at a paragraph's end
  lines.push('<rect x="170" y="70" width="140" height="14" fill="#333"/>');
  for (let i = 0; i < 13 + (variant % 4); i++) {
    const y = 110 + i * 17;
    const w = (i + variant) % 5 === 4 ? 150 : 300 - ((i * 13 + variant * 7) % 30);
    lines.push(`<rect x="${i % 5 === 0 ? 108 : 90}" y="${y}" width="${w}" height="6" fill="#8a8a8a"/>`);
  }
  // a signature line per party (and the mediator's), each with a scrawl and a red thumbprint
  const signers = Math.min(parties, 4) + 1;
  for (let k = 0; k < signers; k++) {
    const x = 90 + (k % 2) * 160, y = 370 + Math.floor(k / 2) * 42;
    const s = (variant + k * 3) % 4;
    lines.push(`<rect x="${x}" y="${y + 14}" width="120" height="1.5" fill="#555"/>`);
    lines.push(`<path d="M${x + 42} ${y + 10} q8 -${12 + s} 16 0 t16 ${2 + s} q6 -10 14 -2 t14 4" stroke="#1d2f6f" stroke-width="2.2" fill="none"/>`);
    if (k < signers - 1) lines.push(`<ellipse cx="${x + 104}" cy="${y + 6}" rx="6" ry="8" fill="#c8312c" opacity="0.7"/>`);
  }
  // the committee's seal over the date, a red ring with a star
  const sx = 320, sy = 500;
  lines.push(`<circle cx="${sx}" cy="${sy}" r="38" stroke="#d0342c" stroke-width="4" fill="none" opacity="0.85"/>`);
  lines.push(`<path d="M${sx} ${sy - 16} l4.7 10.5 11.3 1 -8.6 7.5 2.6 11 -10 -6 -10 6 2.6 -11 -8.6 -7.5 11.3 -1 z" fill="#d0342c" opacity="0.85"/>`);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="480" height="640">
  <rect width="480" height="640" fill="#7b6a58"/>
  <g transform="rotate(${tilt} 240 320)">
    <rect x="50" y="30" width="380" height="580" fill="#fbfaf5"/>
    ${lines.join('\n    ')}
  </g>
</svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 74 }).toBuffer();
}
