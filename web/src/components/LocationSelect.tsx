/** A labelled choice of one of the business's locations; `allLabel` adds a first "every location" option (value ""). */
export function LocationSelect(props: {
  id: string;
  label: string;
  value: string;
  locations: { id: string; name: string }[];
  onChange: (id: string) => void;
  allLabel?: string;
}) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <select id={props.id} value={props.value} onChange={(e) => props.onChange(e.currentTarget.value)}>
        {props.allLabel !== undefined ? <option value="">{props.allLabel}</option> : null}
        {props.locations.map((l) => (
          <option key={l.id} value={l.id}>
            {l.name}
          </option>
        ))}
      </select>
    </div>
  );
}
