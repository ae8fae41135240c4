import { paginate } from '../../../sandbox/protocols/pagination';
import { ServiceError } from '../../../sandbox/protocols/service-error';

const invalidToken = () => new ServiceError('ValidationException', 'bad token');

describe('paginate', () => {
  const list = ['a', 'b', 'c', 'd', 'e'];

  it('walks a list page by page and ends without a token', () => {
    // Act
    const first = paginate(list, {
      scope: 's',
      maxResults: 2,
      defaultSize: 100,
      invalidToken,
    });
    const second = paginate(list, {
      scope: 's',
      maxResults: 2,
      nextToken: first.nextToken,
      defaultSize: 100,
      invalidToken,
    });
    const third = paginate(list, {
      scope: 's',
      maxResults: 2,
      nextToken: second.nextToken,
      defaultSize: 100,
      invalidToken,
    });

    // Assess
    expect([first.items, second.items, third.items]).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['e'],
    ]);
    expect(third.nextToken).toBeUndefined();
  });

  it('caps pages below what the caller asks', () => {
    // Act
    const page = paginate(list, {
      scope: 's',
      maxResults: 100,
      defaultSize: 100,
      cap: 2,
      invalidToken,
    });

    // Assess
    expect(page.items).toEqual(['a', 'b']);
    expect(page.nextToken).toBeDefined();
  });

  it.each([
    { case: 'garbage', token: 'not-a-token' },
    {
      case: 'a token of another list',
      token: paginate(list, {
        scope: 'other',
        maxResults: 1,
        defaultSize: 1,
        invalidToken,
      }).nextToken,
    },
  ])('refuses $case as a token', ({ token }) => {
    // Act & Assess
    expect(() =>
      paginate(list, {
        scope: 's',
        nextToken: token,
        defaultSize: 2,
        invalidToken,
      }),
    ).toThrow('bad token');
  });
});
