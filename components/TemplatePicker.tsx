/**
 * Pick element templates by hand for the page in front: the engine then checks this page against them whatever the
 * column says. A pick belongs to this page only (kept for it, never carried to the next page); open when it has one.
 * A pick can be made a site rule ("pages under this address": storage/template-rules.ts); each rule that applies to
 * the page is shown above the picker, on every page it applies to, with a button that removes it.
 */
import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { addSiteTemplateRule, removeSiteTemplateRule } from '@/lib/panel/storage-actions';
import { describeStorageFailure } from '@/lib/panel/storage-failure';
import { usePickView, type PickView } from '@/lib/panel/use-picked-templates';
import type { ElementTemplate } from '@/lib/plan/model';
import { folderOf } from '@/lib/storage/template-rules';

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
  const pick = usePickView();
  const [problem, setProblem] = useState<string | null>(null);
  const byRule = new Set((pick?.rules ?? []).map((r) => r.templateId));
  const nameOf = (id: string) => templates.get(id)?.name ?? id;
  const act = (action: Promise<void>) => {
    setProblem(null);
    void action.catch((e: unknown) => setProblem(describeStorageFailure(e)));
  };
  return (
    <>
      {(pick?.rules ?? []).map((rule) => (
        <p
          key={`${rule.prefix}|${rule.templateId}`}
          class="template-rule"
          data-field="template-rule"
          data-prefix={rule.prefix}
          data-template={rule.templateId}
        >
          {t('pickerRuleApplies', [rule.prefix, nameOf(rule.templateId)])}{' '}
          <button
            type="button"
            class="link"
            data-action="remove-template-rule"
            onClick={() => act(removeSiteTemplateRule(rule))}
          >
            {t('pickerRuleRemove')}
          </button>
        </p>
      ))}
      <details class="picker" data-field="template-picker" data-picked={picked.join(' ')} open={picked.length > 0}>
        <summary>{picked.length > 0 ? t('pickerSummaryCount', String(picked.length)) : t('pickerSummary')}</summary>
        <fieldset>
          <legend class="hint">{t('pickerHint')}</legend>
          {choices.map((tpl) => (
            <div key={tpl.id} class="pick-row">
              <label class="pick">
                <input
                  type="checkbox"
                  value={tpl.id}
                  checked={picked.includes(tpl.id)}
                  disabled={byRule.has(tpl.id)}
                  onChange={(e) => {
                    const on = (e.currentTarget as HTMLInputElement).checked;
                    onChange(on ? [...picked, tpl.id] : picked.filter((id) => id !== tpl.id));
                  }}
                />{' '}
                {tpl.name}
                {byRule.has(tpl.id) && <span class="hint"> {t('pickerByRule')}</span>}
              </label>
              {pick?.own.includes(tpl.id) && !byRule.has(tpl.id) && (
                <MakeRule
                  pick={pick}
                  templateId={tpl.id}
                  onSave={(prefix) => act(addSiteTemplateRule(prefix, tpl.id, pick.url))}
                />
              )}
            </div>
          ))}
        </fieldset>
        {problem && (
          <p class="problem" role="alert">
            {problem}
          </p>
        )}
      </details>
    </>
  );
}

/** "Make it a site rule": the address prefix (this page's folder by default), then save. */
function MakeRule({
  pick,
  templateId,
  onSave,
}: {
  pick: PickView;
  templateId: string;
  onSave: (prefix: string) => void;
}) {
  const [open, setOpen] = useState(false);
  const [prefix, setPrefix] = useState(folderOf(pick.url));
  if (!open)
    return (
      <button
        type="button"
        class="link"
        data-action="make-template-rule"
        data-template={templateId}
        onClick={() => setOpen(true)}
      >
        {t('pickerRuleMake')}
      </button>
    );
  return (
    <form
      class="rule-form"
      data-field="template-rule-form"
      onSubmit={(e) => {
        e.preventDefault();
        onSave(prefix);
        setOpen(false);
      }}
    >
      <label>
        {t('pickerRulePrefixLabel')}{' '}
        <input
          type="url"
          data-field="template-rule-prefix"
          value={prefix}
          onInput={(e) => setPrefix((e.currentTarget as HTMLInputElement).value)}
        />
      </label>{' '}
      <button type="submit" data-action="save-template-rule">
        {t('pickerRuleSave')}
      </button>{' '}
      <button type="button" class="link" onClick={() => setOpen(false)}>
        {t('pickerRuleCancel')}
      </button>
    </form>
  );
}
