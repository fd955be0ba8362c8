/** Tables of the comments, notifications and moderation modules (see their migration). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface CommentTables {}
