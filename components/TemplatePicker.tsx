/**
 * Pick element templates by hand for the page in front: the engine then checks this page against them whatever the
 * column says. A pick belongs to this page only (kept for it, never carried to the next page); open when it has one.
 */
import { t } from '@/lib/i18n';
import type { ElementTemplate } from '@/lib/plan/model';

/** Templates a person can pick: not those checked through another (申请材料 items) nor the meta-tag sets (own check). */
export function pickableTemplates(templates: ReadonlyMap<string, ElementTemplate>): ElementTemplate[] {
  const items = new Set(
    [...templates.values()].flatMap((tpl) => tpl.elements.map((e) => e.itemTemplate).filter((x): x is string => !!x)),
  );
  return [...templates.values()].filter((tpl) => !items.has(tpl.id) && !tpl.id.startsWith('meta-tags-'));
}

export function TemplatePicker({
  templates,
  picked,
  onChange,
}: {
  templates: ReadonlyMap<string, ElementTemplate>;
  picked: string[];
  onChange: (ids: string[]) => void;
}) {
  const choices = pickableTemplates(templates);
  return (
    <details class="picker" data-field="template-picker" data-picked={picked.join(' ')} open={picked.length > 0}>
      <summary>{picked.length > 0 ? t('pickerSummaryCount', String(picked.length)) : t('pickerSummary')}</summary>
      <fieldset>
        <legend class="hint">{t('pickerHint')}</legend>
        {choices.map((tpl) => (
          <label key={tpl.id} class="pick">
            <input
              type="checkbox"
              value={tpl.id}
              checked={picked.includes(tpl.id)}
              onChange={(e) => {
                const on = (e.currentTarget as HTMLInputElement).checked;
                onChange(on ? [...picked, tpl.id] : picked.filter((id) => id !== tpl.id));
              }}
            />{' '}
            {tpl.name}
          </label>
        ))}
      </fieldset>
    </details>
  );
}
