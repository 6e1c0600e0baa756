/**
 * A test's `voice-soak-report.json` attachment read back: from its file (an unsharded run, or the resources of a
 * merged blob report) or its body. Validated once here; a problem comes back as one line for the summary's note.
 */
import { readFileSync } from 'node:fs';
import type { TestResult } from '@playwright/test/reporter';
import { reportSchema, type Report } from '../analyze/report/report-schema.ts';
import { formatZodIssue } from '../validation/format-zod-issue.ts';

type Attachment = TestResult['attachments'][number];

export function readReportAttachment(attachment: Attachment): { report: Report } | { problem: string } {
  let text: string;
  try {
    if (attachment.path) text = readFileSync(attachment.path, 'utf8');
    else if (attachment.body) text = attachment.body.toString('utf8');
    else return { problem: `${attachment.name} has neither a path nor a body` };
  } catch (error) {
    return { problem: `could not read ${attachment.path}: ${(error as Error).message.split('\n')[0]}` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { problem: `${attachment.name} is not JSON (${(error as Error).message})` };
  }
  const parsed = reportSchema.safeParse(json, { reportInput: true });
  return parsed.success ? { report: parsed.data } : { problem: `${attachment.name} is not a usable report: ${formatZodIssue(parsed.error.issues[0]!)}` };
}
