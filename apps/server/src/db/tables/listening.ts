/** Tables of the annotations, listening and charts modules (see their migration). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ListeningTables {}
