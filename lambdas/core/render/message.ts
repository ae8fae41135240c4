import { renderChat } from './chat';
import { clipBytes } from './format';
import type { ReportModel } from './model';
import { subjectOf } from './subject';
import { renderText } from './text';
import type { RenderLimits } from './text-sections';

/**
 * The one SNS message of a report, with `MessageStructure: 'json'`: plain
 * text for `default` and `email`, the chat notification (as a JSON string,
 * which is what SNS requires of every protocol's value) for `https`.
 */

/** SNS: "at most 256 KB in size (262,144 bytes, not 262,144 characters)". */
export const MAX_MESSAGE_BYTES = 262_144;

// Room for the subject and for whatever SNS counts around the message.
const MARGIN_BYTES = 1_024;

// Each level keeps less of the long evidence; the first one that fits is
// used, so a normal report is never shortened.
const LEVELS: readonly RenderLimits[] = [
  { maxFindings: Number.POSITIVE_INFINITY, maxText: 4_000 },
  { maxFindings: 100, maxText: 2_000 },
  { maxFindings: 20, maxText: 1_000 },
  { maxFindings: 5, maxText: 300 },
];

const TRUNCATED =
  '\n[Report cut to fit the 256 KB limit of SNS: see the execution.]\n';

export interface RenderedMessage {
  readonly subject: string;
  /** The `Message` parameter: a JSON object of strings. */
  readonly message: string;
  /** The plain text, as email subscribers receive it. */
  readonly text: string;
  /** True when evidence was left out to fit the size limit. */
  readonly shortened: boolean;
}

const bytes = (text: string): number => Buffer.byteLength(text, 'utf8');

const assemble = (text: string, chat: string): string =>
  JSON.stringify({ default: text, email: text, https: chat });

/** Renders the report into the `Subject` and `Message` of one Publish. */
export const renderMessage = (model: ReportModel): RenderedMessage => {
  const subject = subjectOf(model);
  const budget = MAX_MESSAGE_BYTES - MARGIN_BYTES - bytes(subject);
  let text = '';
  let chat = '';
  for (const [index, limits] of LEVELS.entries()) {
    text = renderText(model, limits);
    chat = JSON.stringify(renderChat(model, subject, limits));
    const message = assemble(text, chat);
    if (bytes(message) <= budget) {
      return { subject, message, text, shortened: index > 0 };
    }
  }

  // Still too large: cut the text itself, in proportion to the excess
  // (it appears twice, and JSON escaping makes its size uneven).
  let keep = bytes(text);
  let message = assemble(text, chat);
  while (bytes(message) > budget && keep > 0) {
    keep = Math.floor((keep * budget * 0.95) / bytes(message));
    text = `${clipBytes(text, keep)}${TRUNCATED}`;
    message = assemble(text, chat);
  }

  return { subject, message, text, shortened: true };
};
