/**
 * Where the recommendation cards go on the Analytics page. Renders nothing until the recommendations feature
 * provides its cards here.
 */
export function RecommendationSlot() {
  return null;
}
