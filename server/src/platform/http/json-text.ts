/**
 * A response body that is already JSON text, built by the database for a hot listing.
 * The route sends it as is: no re-parse through the contract and no JSON.stringify.
 * Whoever returns one owes a test that the text parses to the route's response schema.
 */
export class JsonText {
  constructor(readonly text: string) {}
}
