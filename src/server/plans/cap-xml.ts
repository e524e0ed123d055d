import { XMLBuilder } from 'fast-xml-parser';
import type { CapAlert } from '../../shared/plans.ts';

/*
 * A CAP 1.2 alert as the OASIS XML (application/cap+xml): namespace urn:oasis:names:tc:emergency:cap:1.2, elements in the
 * schema's order (test/fixtures/cap/CAP-v1.2.xsd), optional ones left out when empty. Check the alert with capRefusals
 * (src/domain/plans/cap.ts) before writing it.
 */

export const CAP_NAMESPACE = 'urn:oasis:names:tc:emergency:cap:1.2';
export const CAP_CONTENT_TYPE = 'application/cap+xml';

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  format: true,
  indentBy: '  ',
  suppressEmptyNode: false,
  processEntities: true,
});

// XML 1.0 allows no control characters but tab, newline and carriage return: a text with one would make the whole
// document unreadable to the partner, so they are dropped (capRefusals reports them before anything is sent).
const clean = (text: string) => text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
/** The element when the text is not empty; left out otherwise (the schema's optional elements). */
const opt = (text: string | null | undefined) => (text && clean(text).trim() ? clean(text) : undefined);

/** The alert as a CAP 1.2 XML document (UTF-8, with the XML declaration). */
export function capToXml(alert: CapAlert): string {
  const info = alert.info;
  const doc = {
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    alert: {
      '@_xmlns': CAP_NAMESPACE,
      identifier: clean(alert.identifier),
      sender: clean(alert.sender),
      sent: alert.sent,
      status: alert.status,
      msgType: alert.msgType,
      scope: alert.scope,
      note: opt(alert.note),
      references: alert.references.length ? alert.references.map(clean).join(' ') : undefined,
      info: {
        language: info.language,
        category: [...info.category],
        event: clean(info.event),
        urgency: info.urgency,
        severity: info.severity,
        certainty: info.certainty,
        effective: opt(info.effective),
        onset: opt(info.onset),
        expires: opt(info.expires),
        senderName: opt(info.senderName),
        headline: opt(info.headline),
        description: opt(info.description),
        instruction: opt(info.instruction),
        area: {
          areaDesc: clean(info.area.areaDesc),
          polygon: info.area.polygons.length ? [...info.area.polygons] : undefined,
          circle: info.area.circles.length ? [...info.area.circles] : undefined,
        },
      },
    },
  };
  return builder.build(doc) as string;
}
