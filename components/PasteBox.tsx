/** A labelled box for pasted text (a plan, a page's HTML): the label above it, the text handed on as typed. */
export function PasteBox(props: {
  id: string;
  label: string;
  rows: number;
  value: string;
  onChange: (text: string) => void;
}) {
  return (
    <>
      <label class="block" for={props.id}>
        {props.label}
      </label>
      <textarea
        id={props.id}
        rows={props.rows}
        value={props.value}
        onInput={(e) => props.onChange((e.currentTarget as HTMLTextAreaElement).value)}
      />
    </>
  );
}
