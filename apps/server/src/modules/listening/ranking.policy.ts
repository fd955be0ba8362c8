/**
 * Who may see a user's listening ranking: everyone, unless its owner hid it; the owner always
 * sees their own. Hidden is a 403 (`ranking_hidden`), not a 404: the profile exists and says
 * so, only the list is kept private.
 */
export function canSeeRanking(viewerId: string, ownerId: string, hidden: boolean): boolean {
  return viewerId === ownerId || !hidden;
}
