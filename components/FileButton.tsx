/** A labelled file chooser: `onFile` gets the change event of the input (the chosen file is read by the caller). */
export function FileButton(props: { label: string; accept: string; action?: string; onFile: (event: Event) => void }) {
  return (
    <label class="file">
      {props.label} <input type="file" accept={props.accept} data-action={props.action} onChange={props.onFile} />
    </label>
  );
}
