/**
 * A day heading between messages ("Today", "Yesterday", or a date).
 *
 * @example
 * <DaySeparator label="Today" />
 */
export function DaySeparator({ label }: { label: string }) {
  return (
    <p class="day">
      <span>{label}</span>
    </p>
  );
}
