// Seeded templates: one layout and a handful of standard templates in realistic Mustachio.
import type { Template } from "../world/types";

const layoutHtml = `<!DOCTYPE html>
<html lang="en">
<head>
  <meta name="viewport" content="width=device-width, initial-scale=1.0" />
  <meta http-equiv="Content-Type" content="text/html; charset=UTF-8" />
  <title>{{ product_name }}</title>
  <style type="text/css">
    body { width: 100% !important; margin: 0; background-color: #F2F4F6; color: #51545E; font-family: "Nunito Sans", Helvetica, Arial, sans-serif; }
    a { color: #3869D4; }
    .email-wrapper { width: 100%; background-color: #F2F4F6; }
    .email-content { width: 570px; margin: 0 auto; background-color: #FFFFFF; padding: 45px; }
    .button { background-color: #3869D4; border-radius: 3px; color: #FFF !important; display: inline-block; padding: 10px 18px; text-decoration: none; }
    .email-footer { text-align: center; color: #A8AAAF; font-size: 13px; }
  </style>
</head>
<body>
  <table class="email-wrapper" width="100%" cellpadding="0" cellspacing="0" role="presentation">
    <tr><td align="center">
      <table class="email-content" cellpadding="0" cellspacing="0" role="presentation">
        <tr><td class="email-masthead"><a href="{{ product_url }}" class="email-masthead_name">{{ product_name }}</a></td></tr>
        <tr><td class="email-body">{{{ @content }}}</td></tr>
        <tr><td class="email-footer">
          <p>{{ company_name }}<br>{{ company_address }}</p>
        </td></tr>
      </table>
    </td></tr>
  </table>
</body>
</html>`;

const layoutText = `{{ product_name }}
------------------------------------------------------------

{{{ @content }}}

------------------------------------------------------------
{{ company_name }}, {{ company_address }}`;

interface Draft {
  Name: string;
  Alias: string;
  Subject: string;
  HtmlBody: string;
  TextBody: string;
}

const drafts: Draft[] = [
  {
    Name: "Welcome",
    Alias: "welcome",
    Subject: "Welcome to {{ product_name }}, {{ name }}!",
    HtmlBody: `<h1>Welcome, {{ name }}!</h1>
<p>Thanks for trying {{ product_name }}. We’re thrilled to have you on board.</p>
<p>To get the most out of {{ product_name }}, do this primary next step:</p>
<p><a href="{{ action_url }}" class="button" target="_blank">Get started</a></p>
{{#trial}}<p>Your trial runs until <strong>{{ trial_end_date }}</strong>.</p>{{/trial}}
<p>For reference, here's your login information:</p>
<table class="attributes"><tr><td><strong>Login page:</strong> {{ login_url }}</td></tr><tr><td><strong>Username:</strong> {{ username }}</td></tr></table>
<p>Thanks,<br>{{ sender_name }} and the {{ product_name }} Team</p>`,
    TextBody: `Welcome, {{ name }}!

Thanks for trying {{ product_name }}. Get started: {{ action_url }}
{{#trial}}Your trial runs until {{ trial_end_date }}.{{/trial}}
Login page: {{ login_url }}
Username: {{ username }}

Thanks,
{{ sender_name }} and the {{ product_name }} Team`,
  },
  {
    Name: "Password reset",
    Alias: "password-reset",
    Subject: "Set up a new password for {{ product_name }}",
    HtmlBody: `<h1>Hi {{ name }},</h1>
<p>You recently requested to reset your password for your {{ product_name }} account. Use the button below to reset it. <strong>This password reset is only valid for the next 24 hours.</strong></p>
<p><a href="{{ action_url }}" class="button" target="_blank">Reset your password</a></p>
<p>For security, this request was received from a {{ operating_system }} device using {{ browser_name }}. If you did not request a password reset, please ignore this email or <a href="{{ support_url }}">contact support</a>.</p>`,
    TextBody: `Hi {{ name }},

Reset your password: {{ action_url }} (valid for 24 hours)
Requested from a {{ operating_system }} device using {{ browser_name }}.`,
  },
  {
    Name: "Receipt",
    Alias: "receipt",
    Subject: "Your {{ product_name }} receipt {{ receipt_id }}",
    HtmlBody: `<h1>Hi {{ name }},</h1>
<p>Thanks for using {{ product_name }}. This email is the receipt for your purchase.</p>
<table class="purchase" width="100%" cellpadding="0" cellspacing="0">
  <tr><td><h3>{{ receipt_id }}</h3></td><td><h3 class="align-right">{{ date }}</h3></td></tr>
  {{#each receipt_details}}
  <tr><td class="purchase_item">{{ description }}</td><td class="align-right">{{ amount }}</td></tr>
  {{/each}}
  <tr><td><p class="purchase_total">Total</p></td><td><p class="purchase_total">{{ total }}</p></td></tr>
</table>
{{^paid}}<p>Payment is still pending.</p>{{/paid}}
<p><a href="{{ action_url }}">Download as PDF</a></p>`,
    TextBody: `Receipt {{ receipt_id }} — {{ date }}
{{#each receipt_details}}{{ description }}: {{ amount }}
{{/each}}Total: {{ total }}`,
  },
  {
    Name: "Comment notification",
    Alias: "comment-notification",
    Subject: "{{ commenter_name }} commented on “{{ thread_title }}”",
    HtmlBody: `<p><strong>{{ commenter_name }}</strong> wrote:</p>
<blockquote>{{ comment.body }}</blockquote>
<p><a href="{{ action_url }}" class="button">View the conversation</a></p>
<p class="sub"><a href="{{ notification_settings_url }}">Change notification settings</a></p>`,
    TextBody: `{{ commenter_name }} wrote:

{{ comment.body }}

View the conversation: {{ action_url }}`,
  },
  {
    Name: "User invitation",
    Alias: "user-invitation",
    Subject: "{{ invite_sender_name }} invited you to {{ product_name }}",
    HtmlBody: `<h1>Hi {{ name }},</h1>
<p>{{ invite_sender_name }} from {{ invite_sender_organization_name }} has invited you to use {{ product_name }} to collaborate with them.</p>
<p><a href="{{ action_url }}" class="button">Set up account</a></p>`,
    TextBody: `{{ invite_sender_name }} from {{ invite_sender_organization_name }} invited you to {{ product_name }}.
Set up your account: {{ action_url }}`,
  },
];

export function seedTemplates(serverId: number, nextId: () => number): Template[] {
  const layout: Template = {
    TemplateId: nextId(),
    Name: "Basic layout",
    Subject: "",
    HtmlBody: layoutHtml,
    TextBody: layoutText,
    AssociatedServerId: serverId,
    Active: true,
    Alias: "basic-layout",
    TemplateType: "Layout",
    LayoutTemplate: null,
  };
  return [
    layout,
    ...drafts.map((d): Template => ({
      TemplateId: nextId(),
      ...d,
      AssociatedServerId: serverId,
      Active: true,
      TemplateType: "Standard",
      LayoutTemplate: "basic-layout",
    })),
  ];
}
