import { z } from "zod";
import { operation } from "./operation";
import { statsFilter } from "./entities";

export const statsOverview = operation({
  id: "stats.overview",
  area: "stats",
  title: "Get outbound statistics overview",
  description: "Totals and rates for sends, bounces, spam, opens and clicks.",
  method: "GET",
  path: "/stats/outbound",
  token: "server",
  risk: "read",
  query: statsFilter,
  response: z.looseObject({
    Sent: z.number(),
    Bounced: z.number(),
    SMTPApiErrors: z.number(),
    BounceRate: z.number(),
    SpamComplaints: z.number(),
    SpamComplaintsRate: z.number(),
    Opens: z.number(),
    UniqueOpens: z.number(),
    Tracked: z.number(),
    WithLinkTracking: z.number(),
    WithOpenTracking: z.number(),
    TotalTrackedLinksSent: z.number(),
    UniqueLinksClicked: z.number(),
    TotalClicks: z.number(),
    WithClientRecorded: z.number(),
    WithPlatformRecorded: z.number(),
    WithReadTimeRecorded: z.number(),
  }),
  invalidates: [],
  notes:
    "No Days array. Rates are decimals (percent). WithReadTimeRecorded appears in live responses and postmark.js but not in every doc table. Swagger misnames SMTPApiErrors as 'SMTPAPIErrors'. Dates are interpreted in US Eastern time. Days without data are omitted from Days; zero-valued keys inside a day may be omitted. Errors: 900 (bad date), 1226 (unknown stream), 614 (plan not entitled). No paging.",
});

export const statsBounces = operation({
  id: "stats.bounces",
  area: "stats",
  title: "Get bounce counts by type",
  description: "Bounces per day by type.",
  method: "GET",
  path: "/stats/outbound/bounces",
  token: "server",
  risk: "read",
  query: statsFilter,
  response: z.looseObject({
    Days: z.array(
      z.looseObject({
        Date: z.string().nullable(),
        HardBounce: z.number().optional(),
        SoftBounce: z.number().optional(),
        Transient: z.number().optional(),
        SMTPApiError: z.number().optional(),
      }),
    ),
    HardBounce: z.number(),
    SMTPApiError: z.number(),
    SoftBounce: z.number(),
    Transient: z.number(),
  }),
  invalidates: [],
  notes:
    "Keys: HardBounce, SoftBounce, Transient, SMTPApiError (only non-zero keys appear). Dates are interpreted in US Eastern time. Days without data are omitted from Days; zero-valued keys inside a day may be omitted. Errors: 900 (bad date), 1226 (unknown stream), 614 (plan not entitled). No paging.",
});

export const statsClickBrowsers = operation({
  id: "stats.clickBrowsers",
  area: "stats",
  title: "Get clicks by browser family",
  description: "Clicks per day by browser family.",
  method: "GET",
  path: "/stats/outbound/clicks/browserfamilies",
  token: "server",
  risk: "read",
  query: statsFilter,
  response: z.looseObject({
    Days: z.array(
      z.looseObject({
        Date: z.string().nullable(),
        "Google Chrome": z.number(),
        Safari: z.number().optional(),
      }),
    ),
    "Google Chrome": z.number(),
    Safari: z.number(),
  }),
  invalidates: [],
  notes:
    "Keys are dynamic browser family names. postmark.js uses path .../clicks/browserFamilies. Dates are interpreted in US Eastern time. Days without data are omitted from Days; zero-valued keys inside a day may be omitted. Errors: 900 (bad date), 1226 (unknown stream), 614 (plan not entitled). No paging.",
});

export const statsClickLocation = operation({
  id: "stats.clickLocation",
  area: "stats",
  title: "Get clicks by content location",
  description: "Clicks per day in HTML and text bodies.",
  method: "GET",
  path: "/stats/outbound/clicks/location",
  token: "server",
  risk: "read",
  query: statsFilter,
  response: z.looseObject({
    Days: z.array(
      z.looseObject({
        Date: z.string().nullable(),
        HTML: z.number(),
        Text: z.number().optional(),
      }),
    ),
    HTML: z.number(),
    Text: z.number(),
  }),
  invalidates: [],
  notes:
    "Keys: HTML, Text. Dates are interpreted in US Eastern time. Days without data are omitted from Days; zero-valued keys inside a day may be omitted. Errors: 900 (bad date), 1226 (unknown stream), 614 (plan not entitled). No paging.",
});

export const statsClickPlatforms = operation({
  id: "stats.clickPlatforms",
  area: "stats",
  title: "Get clicks by platform",
  description: "Clicks per day by platform.",
  method: "GET",
  path: "/stats/outbound/clicks/platforms",
  token: "server",
  risk: "read",
  query: statsFilter,
  response: z.looseObject({
    Days: z.array(
      z.looseObject({
        Date: z.string().nullable(),
        Desktop: z.number().optional(),
        Mobile: z.number().optional(),
        Unknown: z.number().optional(),
      }),
    ),
    Desktop: z.number(),
    Mobile: z.number(),
    Unknown: z.number(),
  }),
  invalidates: [],
  notes:
    "Keys: Desktop, Mobile, Unknown. Dates are interpreted in US Eastern time. Days without data are omitted from Days; zero-valued keys inside a day may be omitted. Errors: 900 (bad date), 1226 (unknown stream), 614 (plan not entitled). No paging.",
});

export const statsSends = operation({
  id: "stats.sends",
  area: "stats",
  title: "Get daily sent email counts",
  description: "Messages sent per day.",
  method: "GET",
  path: "/stats/outbound/sends",
  token: "server",
  risk: "read",
  query: statsFilter,
  response: z.looseObject({
    Days: z.array(
      z.looseObject({
        Date: z.string().nullable(),
        Sent: z.number(),
      }),
    ),
    Sent: z.number(),
  }),
  invalidates: [],
  notes:
    "Key: Sent (counted per recipient). Dates are interpreted in US Eastern time. Days without data are omitted from Days; zero-valued keys inside a day may be omitted. Errors: 900 (bad date), 1226 (unknown stream), 614 (plan not entitled). No paging.",
});

export const statsOpens = operation({
  id: "stats.opens",
  area: "stats",
  title: "Get email open counts",
  description: "Opens and unique opens per day.",
  method: "GET",
  path: "/stats/outbound/opens",
  token: "server",
  risk: "read",
  query: statsFilter,
  response: z.looseObject({
    Days: z.array(
      z.looseObject({
        Date: z.string().nullable(),
        Opens: z.number(),
        Unique: z.number(),
      }),
    ),
    Opens: z.number(),
    Unique: z.number(),
  }),
  invalidates: [],
  notes:
    "Keys: Opens, Unique. Dates are interpreted in US Eastern time. Days without data are omitted from Days; zero-valued keys inside a day may be omitted. Errors: 900 (bad date), 1226 (unknown stream), 614 (plan not entitled). No paging.",
});

export const statsOpenClients = operation({
  id: "stats.openClients",
  area: "stats",
  title: "Get email opens by email client",
  description: "Opens per day by email client.",
  method: "GET",
  path: "/stats/outbound/opens/emailclients",
  token: "server",
  risk: "read",
  query: statsFilter,
  response: z.looseObject({
    Days: z.array(
      z.looseObject({
        Date: z.string().nullable(),
        Gmail: z.number(),
        Thunderbird: z.number().optional(),
        "Apple Mail": z.number().optional(),
      }),
    ),
    Gmail: z.number(),
    Thunderbird: z.number(),
    "Apple Mail": z.number(),
  }),
  invalidates: [],
  notes:
    "Keys are dynamic client names. postmark.js uses path .../opens/emailClients. Dates are interpreted in US Eastern time. Days without data are omitted from Days; zero-valued keys inside a day may be omitted. Errors: 900 (bad date), 1226 (unknown stream), 614 (plan not entitled). No paging.",
});

export const statsOpenPlatforms = operation({
  id: "stats.openPlatforms",
  area: "stats",
  title: "Get email opens by platform",
  description: "Opens per day by platform.",
  method: "GET",
  path: "/stats/outbound/opens/platforms",
  token: "server",
  risk: "read",
  query: statsFilter,
  response: z.looseObject({
    Days: z.array(
      z.looseObject({
        Date: z.string().nullable(),
        Desktop: z.number().optional(),
        Mobile: z.number().optional(),
        Unknown: z.number(),
        WebMail: z.number().optional(),
      }),
    ),
    Desktop: z.number(),
    Mobile: z.number(),
    Unknown: z.number(),
    WebMail: z.number(),
  }),
  invalidates: [],
  notes:
    "Keys: Desktop, Mobile, WebMail, Unknown. Dates are interpreted in US Eastern time. Days without data are omitted from Days; zero-valued keys inside a day may be omitted. Errors: 900 (bad date), 1226 (unknown stream), 614 (plan not entitled). No paging.",
});

export const statsClicks = operation({
  id: "stats.clicks",
  area: "stats",
  title: "Get link click counts",
  description: "Clicks and unique clicks per day.",
  method: "GET",
  path: "/stats/outbound/clicks",
  token: "server",
  risk: "read",
  query: statsFilter,
  response: z.looseObject({
    Days: z.array(
      z.looseObject({
        Date: z.string().nullable(),
        Clicks: z.number(),
        Unique: z.number(),
      }),
    ),
    Clicks: z.number(),
    Unique: z.number(),
  }),
  invalidates: [],
  notes:
    "Keys: Clicks, Unique. Dates are interpreted in US Eastern time. Days without data are omitted from Days; zero-valued keys inside a day may be omitted. Errors: 900 (bad date), 1226 (unknown stream), 614 (plan not entitled). No paging.",
});

export const statsSpam = operation({
  id: "stats.spam",
  area: "stats",
  title: "Get spam complaint counts",
  description: "Spam complaints per day.",
  method: "GET",
  path: "/stats/outbound/spam",
  token: "server",
  risk: "read",
  query: statsFilter,
  response: z.looseObject({
    Days: z.array(
      z.looseObject({
        Date: z.string().nullable(),
        SpamComplaint: z.number(),
      }),
    ),
    SpamComplaint: z.number(),
  }),
  invalidates: [],
  notes:
    "Key: SpamComplaint. Dates are interpreted in US Eastern time. Days without data are omitted from Days; zero-valued keys inside a day may be omitted. Errors: 900 (bad date), 1226 (unknown stream), 614 (plan not entitled). No paging.",
});

export const statsTracked = operation({
  id: "stats.tracked",
  area: "stats",
  title: "Get tracked email counts",
  description: "Messages sent with tracking per day.",
  method: "GET",
  path: "/stats/outbound/tracked",
  token: "server",
  risk: "read",
  query: statsFilter,
  response: z.looseObject({
    Days: z.array(
      z.looseObject({
        Date: z.string().nullable(),
        Tracked: z.number(),
      }),
    ),
    Tracked: z.number(),
  }),
  invalidates: [],
  notes:
    "Key: Tracked (messages sent with open or link tracking). Dates are interpreted in US Eastern time. Days without data are omitted from Days; zero-valued keys inside a day may be omitted. Errors: 900 (bad date), 1226 (unknown stream), 614 (plan not entitled). No paging.",
});
