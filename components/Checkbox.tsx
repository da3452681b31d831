/** A small labelled checkbox (a filter, an option): the box, then its label; `onChange` gets whether it is ticked. */
export function Checkbox(props: {
  label: string;
  checked: boolean;
  action?: string;
  onChange: (checked: boolean) => void;
}) {
  return (
    <label class="small">
      <input
        type="checkbox"
        checked={props.checked}
        data-action={props.action}
        onChange={(e) => props.onChange((e.currentTarget as HTMLInputElement).checked)}
      />{' '}
      {props.label}
    </label>
  );
}
