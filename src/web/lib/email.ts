/** Whether typed text is an email address (the command palette offers a lookup for it). */
export const looksLikeEmail = (text: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text.trim());
