/** An operator's mistake or a damaged backup: shown as one line, never as a stack trace. */
export class BackupError extends Error {}
