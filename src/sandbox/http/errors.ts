/** A Postmark error answer: HTTP status plus `{ErrorCode, Message}`. */
export class PostmarkError extends Error {
  constructor(
    readonly errorCode: number,
    message: string,
    readonly status = 422,
    readonly extra?: Record<string, unknown>,
  ) {
    super(message);
  }

  body(): Record<string, unknown> {
    return { ErrorCode: this.errorCode, Message: this.message, ...this.extra };
  }
}

export function fail(errorCode: number, message: string, status = 422): never {
  throw new PostmarkError(errorCode, message, status);
}

export function inactiveMessage(addresses: string[]): string {
  return `You tried to send to recipient(s) that have been marked as inactive. Found inactive addresses: ${addresses.join(", ")}. Inactive recipients are ones that have generated a hard bounce, a spam complaint, or a manual suppression.`;
}

export function inactiveBatchMessage(address: string): string {
  return `You tried to send to a recipient that has been marked as inactive. Found inactive addresses: ${address}. Inactive recipients are ones that have generated a hard bounce, a spam complaint, or a manual suppression. `;
}
