/** Tables of the recommend module (see its migration). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface RecommendTables {}
