// Postmark's bounce types (name, TypeCode, the Name Postmark gives them), zod-free: the one source
// for the catalog's enum, the sandbox's bounces and the web's labels and URL filters.

export const bounceTypes = [
  ["HardBounce", 1, "Hard bounce"],
  ["Transient", 2, "Message delayed"],
  ["Unsubscribe", 16, "Unsubscribe request"],
  ["Subscribe", 32, "Subscribe request"],
  ["AutoResponder", 64, "Auto responder"],
  ["AddressChange", 128, "Address change"],
  ["DnsError", 256, "DNS error"],
  ["SpamNotification", 512, "Spam notification"],
  ["OpenRelayTest", 1024, "Open relay test"],
  ["Unknown", 2048, "Unknown"],
  ["SoftBounce", 4096, "Soft bounce"],
  ["VirusNotification", 8192, "Virus notification"],
  ["ChallengeVerification", 16384, "Spam challenge verification"],
  ["BadEmailAddress", 100000, "Invalid email address"],
  ["SpamComplaint", 100001, "Spam complaint"],
  ["ManuallyDeactivated", 100002, "Manually deactivated"],
  ["Unconfirmed", 100003, "Registration not confirmed"],
  ["Blocked", 100006, "ISP block"],
  ["SMTPApiError", 100007, "SMTP API error"],
  ["InboundError", 100008, "Processing failed"],
  ["DMARCPolicy", 100009, "DMARC Policy"],
  ["TemplateRenderingFailed", 100010, "Template rendering failed"],
] as const;
export type BounceType = (typeof bounceTypes)[number][0];

/** Postmark's label of each bounce type (its `Name`), as shown in the console. */
export const bounceTypeNames = Object.fromEntries(bounceTypes.map(([type, , name]) => [type, name])) as Record<
  BounceType,
  string
>;
export const bounceTypeIds = bounceTypes.map(([type]) => type);
