/** A world definition or change that cannot be applied. */
export class WorldDefinitionError extends Error {
  public constructor(message: string) {
    super(message);
    this.name = 'WorldDefinitionError';
  }
}
