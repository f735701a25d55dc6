/** A spinning ring with a spoken label; `inline` for inside buttons, where the button's text speaks. */
export function Spinner({ label, inline = false }: { label?: string; inline?: boolean }) {
  if (inline) return <span class="spinner" aria-hidden="true" />;
  return (
    <div class="loading" role="status">
      <span class="spinner" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}
