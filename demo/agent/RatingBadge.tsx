// The customer's rating of the thread (thread property `rating`), as a small badge.

/**
 * "Rated good" / "Rated bad", with the comment as its title.
 * @example
 * <RatingBadge rating={{ score: 1, comment: 'Thanks!' }} />
 */
export function RatingBadge({ rating }: { rating: { score: number; comment?: string } }) {
  const good = rating.score === 1;
  return (
    <span class={`rating ${good ? 'good' : 'bad'}`} title={rating.comment}>
      Rated {good ? 'good' : 'bad'}
      {rating.comment && <q>{rating.comment}</q>}
    </span>
  );
}
