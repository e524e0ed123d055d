// The registered thing a case was reported at, as a line of text on the phone's case detail: name · kind, and its risk
// level when the reader reads the registry (the API leaves it out otherwise).
import { useTranslation } from 'react-i18next';
import type { CaseThingView } from '../api.ts';
import { riskLabel, thingKindLabel } from '../useNearThings.ts';
import '../locales.ts';

export function CaseThingText({ thing }: { thing: CaseThingView }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const risk = thing.riskLevel ? ` · ${t('thingPicker.risk', { level: riskLabel(thing.riskLevel, en) })}` : '';
  return <span data-testid="detail-thing">{thing.name} · {thingKindLabel(thing.kind, en)}{risk}</span>;
}
