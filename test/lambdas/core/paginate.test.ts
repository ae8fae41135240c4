import { readAllPages } from '../../../lambdas/core/paginate';

describe('readAllPages', () => {
  it('follows NextToken even after a short page', async () => {
    // Prepare
    const readPage = jest
      .fn()
      .mockResolvedValueOnce({ items: ['a'], nextToken: 'page-2' })
      .mockResolvedValueOnce({ items: undefined, nextToken: 'page-3' })
      .mockResolvedValueOnce({ items: ['b', 'c'] });

    // Act
    const items = await readAllPages(readPage);

    // Assess
    expect(items).toEqual(['a', 'b', 'c']);
    expect(readPage.mock.calls).toEqual([[undefined], ['page-2'], ['page-3']]);
  });

  it('stops at an empty token', async () => {
    // Prepare
    const readPage = jest
      .fn()
      .mockResolvedValue({ items: ['a'], nextToken: '' });

    // Act
    const items = await readAllPages(readPage);

    // Assess
    expect(items).toEqual(['a']);
    expect(readPage).toHaveBeenCalledTimes(1);
  });
});
