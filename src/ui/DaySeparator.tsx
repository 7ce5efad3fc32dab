/** A day heading between messages ("Today", "Yesterday", or a date). */
export function DaySeparator({ label }: { label: string }) {
  return (
    <p class="day">
      <span>{label}</span>
    </p>
  );
}
