/** Download an uploaded document. The id is checked to be a UUID at the edge. */
export interface ReadDocumentCommand {
  readonly documentId: string;
}

/** The bytes to stream, with the type they were checked to be at upload and the name to save them as. */
export interface ReadDocumentResult {
  readonly fileName: string;
  readonly mimeType: string;
  readonly bytes: Buffer;
}
