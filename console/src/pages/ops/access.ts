// Who may change the workspace's settings from the ops pages (docs/api-roles.md): ops and admin.
import { ApiError, type Session } from '../../api/client';

export const canEditSettings = (session: Session) => session.role === 'admin' || session.role === 'ops';

/** The message a problem gives for one field (`sendWindow.end` matches `body.sendWindow.end`), for an inline error. */
export const fieldError = (error: unknown, path: string): string | undefined => (error instanceof ApiError ? error.field(path) : undefined);
