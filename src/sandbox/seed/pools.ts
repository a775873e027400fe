// Realistic vocabulary for the seeded world. Plain data: no randomness here.
import type { ClientInfo, Geo } from "../world/types";

export const firstNames = [
  "Olivia",
  "Liam",
  "Emma",
  "Noah",
  "Ava",
  "Mateo",
  "Sofia",
  "Lucas",
  "Mia",
  "Ethan",
  "Amara",
  "Kenji",
  "Priya",
  "Diego",
  "Chloe",
  "Jonas",
  "Fatima",
  "Oscar",
  "Hannah",
  "Ravi",
  "Zoe",
  "Marcus",
  "Lena",
  "Tomás",
  "Aisha",
  "Felix",
  "Nora",
  "Samuel",
  "Ingrid",
  "Wei",
];
export const lastNames = [
  "Smith",
  "Garcia",
  "Müller",
  "Okafor",
  "Tanaka",
  "Patel",
  "Rossi",
  "Nguyen",
  "Johansson",
  "Kowalski",
  "Silva",
  "Dubois",
  "Khan",
  "Brown",
  "Lee",
  "Martin",
  "Novak",
  "Fischer",
  "Cohen",
  "Hughes",
];
export const mailDomains = [
  "gmail.com",
  "yahoo.com",
  "outlook.com",
  "hotmail.com",
  "icloud.com",
  "proton.me",
  "fastmail.com",
  "comcast.net",
  "acme-corp.com",
  "northwind.io",
  "globex.co",
  "initech.com",
];

export const serverBlueprints = [
  { name: "Lumen Production", color: "green", domain: "lumenapp.io", product: "Lumen" },
  { name: "Lumen Staging", color: "yellow", domain: "staging.lumenapp.io", product: "Lumen Staging" },
  { name: "Harbor Newsletter", color: "blue", domain: "harbor-news.com", product: "Harbor" },
] as const;

export const transactionalKinds = [
  {
    tag: "welcome",
    subject: "Welcome to {product}, {first}!",
    links: ["https://{domain}/getting-started", "https://{domain}/docs"],
  },
  { tag: "password-reset", subject: "Reset your {product} password", links: ["https://{domain}/reset?token={hex}"] },
  { tag: "receipt", subject: "Your {product} receipt #{num}", links: ["https://{domain}/billing/invoices/{num}"] },
  { tag: "invitation", subject: "{first} invited you to join {product}", links: ["https://{domain}/invites/{hex}"] },
  { tag: "magic-link", subject: "Your {product} sign-in link", links: ["https://{domain}/login/{hex}"] },
  {
    tag: "comment-notification",
    subject: "New comment on \u201cQ3 roadmap\u201d",
    links: ["https://{domain}/threads/{num}", "https://{domain}/settings/notifications"],
  },
  {
    tag: "trial-expiring",
    subject: "Your {product} trial ends in 3 days",
    links: ["https://{domain}/billing/upgrade"],
  },
] as const;

export const broadcastKinds = [
  {
    tag: "newsletter",
    subject: "{product} Weekly: what shipped this week",
    links: ["https://{domain}/blog/changelog", "https://{domain}/blog/customer-story", "https://{domain}/events"],
  },
  {
    tag: "product-update",
    subject: "New in {product}: scheduled reports",
    links: ["https://{domain}/features/reports", "https://{domain}/pricing"],
  },
  { tag: "webinar", subject: "Live demo on Thursday — save your seat", links: ["https://{domain}/webinars/register"] },
] as const;

export const bounceMix = [
  ["HardBounce", 46],
  ["SoftBounce", 22],
  ["Transient", 14],
  ["DnsError", 5],
  ["AutoResponder", 6],
  ["Blocked", 4],
  ["BadEmailAddress", 3],
] as const;

export const bounceDetails: Record<string, { description: string; details: string }> = {
  HardBounce: {
    description: "The server was unable to deliver your message (ex: unknown user, mailbox not found).",
    details: "smtp;550 5.1.1 The email account that you tried to reach does not exist.",
  },
  SoftBounce: {
    description:
      "Unable to temporarily deliver message (i.e. mailbox full, account disabled, exceeds quota, out of disk space).",
    details: "smtp;452 4.2.2 The email account that you tried to reach is over quota.",
  },
  Transient: {
    description:
      "The server could not temporarily deliver your message (ex: Message is delayed due to network troubles).",
    details: "smtp;421 4.7.0 Try again later, closing connection.",
  },
  DnsError: { description: "A temporary DNS error.", details: "DNS lookup failed: SERVFAIL" },
  AutoResponder: {
    description: 'Automatic email responder (ex: "Out of Office" or "On Vacation").',
    details: "Auto-Submitted: auto-replied",
  },
  Blocked: {
    description: "ISP block - the recipient's mail server blocked the message.",
    details: "smtp;554 5.7.1 Service unavailable; Client host blocked using Spamhaus.",
  },
  BadEmailAddress: {
    description: "Invalid email address - the address is not a valid email address.",
    details: "Invalid recipient address.",
  },
  SpamComplaint: {
    description: "The subscriber explicitly marked this message as spam.",
    details: "Feedback-Type: abuse",
  },
  SMTPApiError: {
    description: "An error occurred while accepting an email through the SMTP API.",
    details: "ErrorCode: '406'\nMessage: 'You tried to send to a recipient that has been marked as inactive.'",
  },
  Unknown: { description: "Unknown bounce type.", details: "smtp;550 Unknown error" },
};

export interface ClientProfile {
  client: ClientInfo;
  os: ClientInfo;
  platform: "Desktop" | "Mobile" | "WebMail" | "Unknown";
  userAgent: string;
  weight: number;
}

export const openProfiles: ClientProfile[] = [
  {
    client: { Name: "Gmail", Company: "Google", Family: "Gmail" },
    os: { Name: "Unknown", Company: "Unknown", Family: "Unknown" },
    platform: "WebMail",
    userAgent: "Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)",
    weight: 30,
  },
  {
    client: { Name: "Apple Mail", Company: "Apple Inc.", Family: "Apple Mail" },
    os: { Name: "iOS 17.4", Company: "Apple Inc.", Family: "iOS" },
    platform: "Mobile",
    userAgent:
      "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148",
    weight: 28,
  },
  {
    client: { Name: "Apple Mail 16.0", Company: "Apple Inc.", Family: "Apple Mail" },
    os: { Name: "OS X 14.4 Sonoma", Company: "Apple Computer, Inc.", Family: "OS X 14" },
    platform: "Desktop",
    userAgent: "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)",
    weight: 12,
  },
  {
    client: { Name: "Outlook 2019", Company: "Microsoft Corporation", Family: "Outlook 2019" },
    os: { Name: "Windows 10", Company: "Microsoft Corporation.", Family: "Windows 10" },
    platform: "Desktop",
    userAgent: "Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.17328; Pro)",
    weight: 10,
  },
  {
    client: { Name: "Outlook.com", Company: "Microsoft Corporation", Family: "Outlook.com" },
    os: { Name: "Unknown", Company: "Unknown", Family: "Unknown" },
    platform: "WebMail",
    userAgent:
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/123.0.0.0 Safari/537.36 Edg/123.0.0.0",
    weight: 6,
  },
  {
    client: { Name: "Yahoo! Mail", Company: "Yahoo", Family: "Yahoo! Mail" },
    os: { Name: "Unknown", Company: "Unknown", Family: "Unknown" },
    platform: "WebMail",
    userAgent: "YahooMailProxy; https://help.yahoo.com/kb/yahoo-mail-proxy-SLN28749.html",
    weight: 5,
  },
  {
    client: { Name: "Thunderbird 115.9", Company: "Mozilla", Family: "Thunderbird" },
    os: { Name: "Ubuntu", Company: "Canonical Ltd.", Family: "Linux" },
    platform: "Desktop",
    userAgent: "Mozilla/5.0 (X11; Linux x86_64; rv:115.0) Gecko/20100101 Thunderbird/115.9.0",
    weight: 3,
  },
  {
    client: { Name: "Gmail App (Android)", Company: "Google", Family: "Gmail" },
    os: { Name: "Android 14", Company: "Google, Inc.", Family: "Android" },
    platform: "Mobile",
    userAgent:
      "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/123.0 Mobile Safari/537.36",
    weight: 6,
  },
];

export const clickProfiles: ClientProfile[] = [
  {
    client: { Name: "Chrome 123.0.6312.86", Company: "Google", Family: "Chrome" },
    os: { Name: "Windows 10", Company: "Microsoft Corporation.", Family: "Windows 10" },
    platform: "Desktop",
    userAgent:
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/123.0.6312.86 Safari/537.36",
    weight: 38,
  },
  {
    client: { Name: "Mobile Safari 17.4", Company: "Apple Inc.", Family: "Mobile Safari" },
    os: { Name: "iOS 17.4", Company: "Apple Inc.", Family: "iOS" },
    platform: "Mobile",
    userAgent:
      "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1",
    weight: 26,
  },
  {
    client: { Name: "Safari 17.4", Company: "Apple Inc.", Family: "Safari" },
    os: { Name: "OS X 14.4 Sonoma", Company: "Apple Computer, Inc.", Family: "OS X 14" },
    platform: "Desktop",
    userAgent:
      "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15",
    weight: 12,
  },
  {
    client: { Name: "Firefox 124.0", Company: "Mozilla", Family: "Firefox" },
    os: { Name: "Ubuntu", Company: "Canonical Ltd.", Family: "Linux" },
    platform: "Desktop",
    userAgent: "Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:124.0) Gecko/20100101 Firefox/124.0",
    weight: 8,
  },
  {
    client: { Name: "Chrome Mobile 123.0", Company: "Google", Family: "Chrome Mobile" },
    os: { Name: "Android 14", Company: "Google, Inc.", Family: "Android" },
    platform: "Mobile",
    userAgent:
      "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/123.0 Mobile Safari/537.36",
    weight: 12,
  },
  {
    client: { Name: "Edge 123.0", Company: "Microsoft Corporation", Family: "Edge" },
    os: { Name: "Windows 11", Company: "Microsoft Corporation.", Family: "Windows 11" },
    platform: "Desktop",
    userAgent:
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/123.0.0.0 Safari/537.36 Edg/123.0.0.0",
    weight: 4,
  },
];

export const geos: (Geo & { weight: number })[] = [
  {
    CountryISOCode: "US",
    Country: "United States",
    RegionISOCode: "NY",
    Region: "New York",
    City: "New York",
    Zip: "10001",
    Coords: "40.7506,-73.9971",
    IP: "66.249.84.",
    weight: 22,
  },
  {
    CountryISOCode: "US",
    Country: "United States",
    RegionISOCode: "CA",
    Region: "California",
    City: "San Francisco",
    Zip: "94107",
    Coords: "37.7697,-122.3933",
    IP: "73.162.12.",
    weight: 16,
  },
  {
    CountryISOCode: "US",
    Country: "United States",
    RegionISOCode: "TX",
    Region: "Texas",
    City: "Austin",
    Zip: "78701",
    Coords: "30.2711,-97.7437",
    IP: "24.28.77.",
    weight: 8,
  },
  {
    CountryISOCode: "GB",
    Country: "United Kingdom",
    RegionISOCode: "ENG",
    Region: "England",
    City: "London",
    Zip: "EC1A",
    Coords: "51.5142,-0.0931",
    IP: "81.2.69.",
    weight: 10,
  },
  {
    CountryISOCode: "DE",
    Country: "Germany",
    RegionISOCode: "BE",
    Region: "Land Berlin",
    City: "Berlin",
    Zip: "10115",
    Coords: "52.5321,13.3849",
    IP: "91.64.10.",
    weight: 8,
  },
  {
    CountryISOCode: "CA",
    Country: "Canada",
    RegionISOCode: "ON",
    Region: "Ontario",
    City: "Toronto",
    Zip: "M5H",
    Coords: "43.6496,-79.3833",
    IP: "99.230.4.",
    weight: 6,
  },
  {
    CountryISOCode: "RS",
    Country: "Serbia",
    RegionISOCode: "VO",
    Region: "Autonomna Pokrajina Vojvodina",
    City: "Novi Sad",
    Zip: "21000",
    Coords: "45.2517,19.8369",
    IP: "188.2.95.",
    weight: 3,
  },
  {
    CountryISOCode: "JP",
    Country: "Japan",
    RegionISOCode: "13",
    Region: "Tokyo",
    City: "Tokyo",
    Zip: "100-0001",
    Coords: "35.6893,139.6899",
    IP: "126.78.3.",
    weight: 5,
  },
  {
    CountryISOCode: "BR",
    Country: "Brazil",
    RegionISOCode: "SP",
    Region: "Sao Paulo",
    City: "São Paulo",
    Zip: "01000-000",
    Coords: "-23.5475,-46.6361",
    IP: "177.92.40.",
    weight: 5,
  },
  {
    CountryISOCode: "IN",
    Country: "India",
    RegionISOCode: "KA",
    Region: "Karnataka",
    City: "Bengaluru",
    Zip: "560001",
    Coords: "12.9719,77.5937",
    IP: "49.207.50.",
    weight: 6,
  },
];

export const inboundSubjects = [
  "Re: Your invoice #4821",
  "Question about my account",
  "Re: Welcome aboard!",
  "Cancel my subscription",
  "Fwd: Contract draft",
  "Support request: cannot log in",
  "Re: Weekly digest",
  "Partnership inquiry",
];
