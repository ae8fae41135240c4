/**
 * Identifier patterns of IAM Identity Center, as the SSO Admin API model
 * constrains them, and helpers that read one identifier out of another.
 *
 * @see https://docs.aws.amazon.com/singlesignon/latest/APIReference/API_CreateAccountAssignment.html
 */

/** `arn:aws:sso:::instance/ssoins-…`, in any partition. */
export const INSTANCE_ARN_PATTERN =
  /^arn:aws(-[a-z]{1,5}){0,3}:sso:::instance\/(sso)?ins-[a-zA-Z0-9-.]{16}$/;

/** `arn:aws:sso:::permissionSet/ssoins-…/ps-…`, in any partition. */
export const PERMISSION_SET_ARN_PATTERN =
  /^arn:aws(-[a-z]{1,5}){0,3}:sso:::permissionSet\/(sso)?ins-[a-zA-Z0-9-.]{16}\/ps-[a-zA-Z0-9-./]{16}$/;

/** Twelve digits; leading zeros are significant. */
export const ACCOUNT_ID_PATTERN = /^\d{12}$/;

/** An identity store user or group id. */
export const PRINCIPAL_ID_PATTERN =
  /^([0-9a-f]{10}-|)[A-Fa-f0-9]{8}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{12}$/;

/** The request id of an asynchronous SSO Admin call: a lower-case UUID. */
export const REQUEST_ID_PATTERN =
  /^[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}$/;

/** The longest ARN the SSO Admin API accepts. */
export const MAX_ARN_LENGTH = 1224;

const PERMISSION_SET_PARTS =
  /^arn:(aws(?:-[a-z]{1,5}){0,3}):sso:::permissionSet\/((?:sso)?ins-[a-zA-Z0-9-.]{16})\/ps-[a-zA-Z0-9-./]{16}$/;

/**
 * The ARN of the instance that a permission set belongs to, or `undefined`
 * when the argument is not a permission set ARN.
 *
 * @example
 * instanceArnOf('arn:aws:sso:::permissionSet/ssoins-0123456789abcdef/ps-0123456789abcdef');
 * // 'arn:aws:sso:::instance/ssoins-0123456789abcdef'
 */
export const instanceArnOf = (permissionSetArn: string): string | undefined => {
  const parts = PERMISSION_SET_PARTS.exec(permissionSetArn);
  if (parts === null) {
    return undefined;
  }

  return `arn:${parts[1]}:sso:::instance/${parts[2]}`;
};

/** The last `/`-separated segment of an ARN or path. */
export const lastSegment = (value: string): string =>
  value.slice(value.lastIndexOf('/') + 1);
