import type { ReportModel } from './model';

/**
 * The email subject. SNS wants it under 100 characters with no line break
 * or control character; account names are printable ASCII and permission
 * set names are word characters, so keeping to printable ASCII loses
 * nothing and satisfies the older, stricter wording of that rule too.
 */

/** SNS: "less than 100 characters". */
export const MAX_SUBJECT_LENGTH = 99;

const ELLIPSIS = '...';

const printable = (text: string): string =>
  text
    .replace(/[^\x20-\x7E]+/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();

const shorten = (text: string, max: number): string =>
  text.length <= max
    ? text
    : `${text.slice(0, Math.max(max - ELLIPSIS.length, 0))}${ELLIPSIS}`;

/**
 * Shares `room` characters between two names: the shorter keeps all it
 * needs, up to half; the longer gets the rest.
 */
const share = (
  first: string,
  second: string,
  room: number,
): [string, string] => {
  if (first.length + second.length <= room) {
    return [first, second];
  }

  const half = Math.floor(room / 2);
  if (first.length <= half) {
    return [first, shorten(second, room - first.length)];
  }

  if (second.length <= half) {
    return [shorten(first, room - second.length), second];
  }

  return [shorten(first, half), shorten(second, room - half)];
};

/**
 * `[NEEDS_ATTENTION] CUSTOMER_MANAGED_POLICY_MISSING: Dev (444455556666) /
 * AdministratorAccess`, with names shortened, never the codes or the
 * account id, when it would not fit.
 */
export const subjectOf = (model: ReportModel): string => {
  const { outcome, cause } = model.classification;
  const prefix = `[${outcome}] ${cause}: `;
  if (!model.account || !model.permissionSet) {
    const problems = model.state.problems?.length;
    const about =
      problems !== undefined
        ? `${problems} problem${problems === 1 ? '' : 's'} in the input`
        : 'execution could not check the assignment';

    return shorten(printable(`${prefix}${about}`), MAX_SUBJECT_LENGTH);
  }

  const accountName = printable(model.account.name ?? '');
  const permissionSet = printable(
    model.permissionSet.name ??
      model.permissionSet.arn.split('/').pop() ??
      model.permissionSet.arn,
  );
  const idPart = accountName
    ? ` (${model.account.id}) / `
    : `${model.account.id} / `;
  const room = MAX_SUBJECT_LENGTH - prefix.length - idPart.length;
  const [account, name] = share(accountName, permissionSet, room);

  return shorten(`${prefix}${account}${idPart}${name}`, MAX_SUBJECT_LENGTH);
};
