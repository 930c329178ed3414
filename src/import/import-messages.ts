import * as z from 'zod';
import { lazySchema } from '../validation/lazy-schema';
import type { ImportMessage } from './import-worker';

const S3Notification = lazySchema(() =>
  z.object({
    Records: z.array(
      z.object({
        eventName: z.string(),
        s3: z.object({ object: z.object({ key: z.string().max(1024) }) }),
      }),
    ),
  }),
);
const Continuation = lazySchema(() =>
  z.object({
    continueImport: z.object({ agencyId: z.string().max(64), jobId: z.string().max(64) }),
  }),
);

/**
 * The messages in one SQS body: S3 `ObjectCreated` notifications (keys arrive URL-encoded, `+`
 * for a space) or a job sent back to resume. S3's test event and anything else give none.
 */
export function importMessagesOf(body: string): ImportMessage[] {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return [];
  }
  const continuation = Continuation().safeParse(json);
  if (continuation.success) return [{ type: 'continue', ...continuation.data.continueImport }];
  const notification = S3Notification().safeParse(json);
  if (!notification.success) return [];
  return notification.data.Records.filter((r) => r.eventName.startsWith('ObjectCreated:')).flatMap((r) => {
    try {
      return [
        { type: 'uploaded' as const, objectKey: decodeURIComponent(r.s3.object.key.replace(/\+/g, ' ')) },
      ];
    } catch {
      return [];
    }
  });
}
