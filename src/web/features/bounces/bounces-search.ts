import {
  custom,
  optionalOneOf,
  optionalPositiveInt,
  optionalText,
  readIsoDate,
  searchSchema,
} from "@/web/lib/search-params";

// Route-safe: no zod here (validateSearch runs in the entry chunk).

export const bounceTypeNames = {
  HardBounce: "Hard bounce",
  Transient: "Message delayed",
  Unsubscribe: "Unsubscribe request",
  Subscribe: "Subscribe request",
  AutoResponder: "Auto responder",
  AddressChange: "Address change",
  DnsError: "DNS error",
  SpamNotification: "Spam notification",
  OpenRelayTest: "Open relay test",
  Unknown: "Unknown",
  SoftBounce: "Soft bounce",
  VirusNotification: "Virus notification",
  ChallengeVerification: "Spam challenge verification",
  BadEmailAddress: "Invalid email address",
  SpamComplaint: "Spam complaint",
  ManuallyDeactivated: "Manually deactivated",
  Unconfirmed: "Registration not confirmed",
  Blocked: "ISP block",
  SMTPApiError: "SMTP API error",
  InboundError: "Processing failed",
  DMARCPolicy: "DMARC policy",
  TemplateRenderingFailed: "Template rendering failed",
} as const;
export type BounceType = keyof typeof bounceTypeNames;
export const bounceTypes = Object.keys(bounceTypeNames) as BounceType[];

const text = optionalText({ trim: true, min: 1, max: 200 });

/** Bounce filters, page and the open bounce live in the URL so a view can be shared. */
export const bouncesSearch = searchSchema({
  type: optionalOneOf(bounceTypes),
  inactive: optionalOneOf(["true", "false"] as const),
  email: text,
  tag: text,
  stream: text,
  from: custom<string, string | undefined>(readIsoDate),
  to: custom<string, string | undefined>(readIsoDate),
  page: optionalPositiveInt(),
  bounce: optionalPositiveInt(),
  /** The bulk reactivation job (dry run or run) shown above the list. */
  job: optionalPositiveInt(),
});
export type BouncesSearch = Partial<ReturnType<typeof bouncesSearch.parse>>;
export type BounceFilters = Omit<BouncesSearch, "page" | "bounce" | "job">;
