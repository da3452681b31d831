/** A row of tab buttons (role=tab) choosing one of `values`; `attr` names the data attribute the tests and CSS read. */
import { t, type MessageKey } from '@/lib/i18n';

export function Tabs<V extends string>({
  values,
  labels,
  value,
  onChange,
  attr,
  className,
  label,
}: {
  values: readonly V[];
  labels: Record<V, MessageKey>;
  value: V;
  onChange: (value: V) => void;
  attr: 'data-mode' | 'data-tab';
  className: string;
  label?: string;
}) {
  return (
    <div class={className} role="tablist" aria-label={label}>
      {values.map((v) => (
        <button
          key={v}
          type="button"
          role="tab"
          aria-selected={value === v}
          {...{ [attr]: v }}
          onClick={() => onChange(v)}
        >
          {t(labels[v])}
        </button>
      ))}
    </div>
  );
}
