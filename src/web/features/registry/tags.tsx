// Key-population tags as people know them: by name (never the code), each in its colour, the same colour on a list's
// tag, a household file's and a building view's room mark. The catalog comes from the API, in the reader's language.
import { createContext, useContext, type ReactNode } from 'react';
import { Select, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../lib/useApi.ts';
import { fetchTags, type Tag as TagView, type TagCatalog } from './api.ts';
import './locales.ts';

export { TAG_COLOURS, tagColor as tagColour } from './mobile/tags.ts';
import { tagColor as tagColour } from './mobile/tags.ts';

interface Tags { catalog: TagCatalog | undefined; byCode: ReadonlyMap<string, TagView> }
const TagsContext = createContext<Tags>({ catalog: undefined, byCode: new Map() });

/** Loads the tag catalog once for a page and its drawers. */
export function TagsProvider({ children }: { children: ReactNode }) {
  const tags = useApi((signal) => fetchTags(signal), []);
  const byCode = new Map((tags.data?.items ?? []).map((t) => [t.code, t] as const));
  return <TagsContext.Provider value={{ catalog: tags.data, byCode }}>{children}</TagsContext.Provider>;
}

export function useTags(): Tags & { nameOf: (code: string) => string } {
  const tags = useContext(TagsContext);
  const { i18n } = useTranslation();
  const en = i18n.language === 'en';
  // a code the catalog does not hold (not loaded yet) is shown as nothing rather than as a code
  const nameOf = (code: string) => { const t = tags.byCode.get(code); return t ? (en ? t.nameEn : t.name) : ''; };
  return { ...tags, nameOf };
}

/** Tags as coloured chips, by name. */
export function TagChips({ codes, hidden = 0 }: { codes: readonly string[]; hidden?: number }) {
  const { nameOf } = useTags();
  const { t } = useTranslation();
  const named = codes.filter((c) => nameOf(c));
  if (named.length === 0 && hidden === 0) return <span className="zz-muted">—</span>;
  return (
    <span className="zz-reg-tags" data-testid="tag-chips">
      {named.map((c) => <Tag key={c} color={tagColour(c)} data-tag={c} style={{ marginInlineEnd: 4 }}>{nameOf(c)}</Tag>)}
      {hidden > 0 ? <Tooltip title={t('registry.hiddenTagsTip')}><Tag>{t('registry.hiddenTags', { count: hidden })}</Tag></Tooltip> : null}
    </span>
  );
}

/** A small coloured square for a room of the building view. */
export function TagDot({ code }: { code: string }) {
  const { nameOf } = useTags();
  return <span className="zz-reg-dot" style={{ background: tagColour(code) }} title={nameOf(code)} data-tag={code} />;
}

/** Picks tags by name, grouped as the catalog groups them (一老, 一小, 帮扶 …). */
export function TagSelect({ value, onChange, placeholder, style, testId }: {
  value?: string[]; onChange?: (v: string[]) => void; placeholder?: string; style?: React.CSSProperties; testId?: string;
}) {
  const { catalog } = useTags();
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const groups = new Map<string, TagView[]>();
  for (const tag of catalog?.items ?? []) groups.set(tag.group, [...(groups.get(tag.group) ?? []), tag]);
  return (
    <Select
      mode="multiple" allowClear value={value} onChange={onChange} placeholder={placeholder} style={style} data-testid={testId}
      showSearch={{ optionFilterProp: 'label' }} maxTagCount="responsive"
      options={[...groups].map(([group, items]) => ({
        label: t(`registry.tagGroups.${group}`, { defaultValue: group }),
        options: items.map((tag) => ({ value: tag.code, label: en ? tag.nameEn : tag.name })),
      }))}
    />
  );
}
