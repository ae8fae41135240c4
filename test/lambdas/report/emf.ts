/** The EMF documents written to standard output while `act` runs. */
export const emfWrittenBy = async (
  act: () => unknown,
): Promise<Record<string, unknown>[]> => {
  const written: string[] = [];
  const write = jest
    .spyOn(process.stdout, 'write')
    .mockImplementation((chunk: string | Uint8Array) => {
      written.push(chunk.toString());

      return true;
    });
  try {
    await act();
  } finally {
    write.mockRestore();
  }

  return written
    .flatMap((chunk) => chunk.split('\n'))
    .filter((line) => line.includes('"_aws"'))
    .map((line) => JSON.parse(line));
};
