/** A labelled choice that may be left unset (`—`): the options in order, each with its label; `onChange` gets '' when unset. */
export function OptionalSelect<V extends string>(props: {
  label: string;
  field: string;
  value: V | '';
  options: ReadonlyArray<readonly [V, string]>;
  onChange: (value: V | '') => void;
}) {
  return (
    <label>
      {props.label}{' '}
      <select
        value={props.value}
        data-field={props.field}
        onChange={(e) => props.onChange((e.currentTarget as HTMLSelectElement).value as V | '')}
      >
        <option value="">—</option>
        {props.options.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    </label>
  );
}
