// Postmark sends only from a confirmed sender signature or an address on a verified domain.
import { fail } from "../http/errors";
import type { World } from "../world/world";

/**
 * True when `email` is a confirmed signature, or its domain (or a parent of it) is a domain whose
 * DKIM is verified. That subdomains of a verified domain may send is inferred, not documented.
 */
export function senderAllowed(world: World, email: string): boolean {
  const address = email.toLowerCase();
  for (const s of world.senders.values()) if (s.Confirmed && s.EmailAddress.toLowerCase() === address) return true;
  const domain = address.slice(address.lastIndexOf("@") + 1);
  for (const d of world.domains.values()) {
    const name = d.Name.toLowerCase();
    if (d.DKIMVerified && (domain === name || domain.endsWith(`.${name}`))) return true;
  }
  return false;
}

/** ErrorCode 400 with the live API's text; `supplied` is the From field as the client sent it. */
export function refuseSender(supplied: string): never {
  fail(
    400,
    `The 'From' address you supplied (${supplied}) is not a Sender Signature on your account. Please add and confirm this address in order to be able to use it in the 'From' field of your messages.`,
  );
}
