/** A decoding error, worded as kubectl prints it after `error parsing FILE: `. */
export class DecodeError extends Error {
  constructor(
    message: string,
    /** Where in the chunk, for the editor. */
    readonly offset?: number,
  ) {
    super(message);
  }
}
