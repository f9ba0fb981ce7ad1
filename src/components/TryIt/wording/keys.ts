/**
 * The words of the API key part of the panel, each a translate() call as in panel.ts (pure:
 * `translate` comes in as an argument; `{type translate}` so write-translations still extracts the
 * calls). Imported only by the ApiKeys component, so it travels in that lazy chunk.
 */
import {type translate} from '@docusaurus/Translate';
import type {DocSpaceFailure} from '../../../docspace';
import {parseExpires} from '../../../docspace/expires';
import type {KeysCallName} from '../state/keys';
import type {ExpiryChoice} from '../state/useApiKeys';

type Translate = typeof translate;

export function createKeysText(translate: Translate, locale: string) {
  const KEYS = {
    title: translate({id: 'tryIt.keys.title', message: 'Create an API key for a program', description: 'Try-it panel, API keys: heading of the part shown after sign-in, where the reader creates a key (an sk-… secret) for a script or server'}),
    intro: translate({id: 'tryIt.keys.intro', message: 'A key is what a script or server should keep instead of your password or this token: it has only the scopes you give it, can expire, and can be revoked without touching your account.', description: 'Try-it panel, API keys: one sentence under the heading saying why a program should keep a key'}),
    name: translate({id: 'tryIt.keys.name', message: 'Key name', description: 'Try-it panel, API keys: label of the field for the new key’s name'}),
    scopes: translate({id: 'tryIt.keys.scopes', message: 'Scopes: what the key may do', description: 'Try-it panel, API keys: legend of the group of scope checkboxes (accounts:read, files:write, …)'}),
    scopesHint: translate({id: 'tryIt.keys.scopesHint', message: 'Give a program only what it needs: accounts:read is enough for the examples on this page, which read the profile.', description: 'Try-it panel, API keys: hint under the scope checkboxes; keep accounts:read as it is'}),
    loadingScopes: translate({id: 'tryIt.keys.loadingScopes', message: 'Reading the scopes this portal offers…', description: 'Try-it panel, API keys: shown while GET /api/2.0/keys/permissions is on its way'}),
    expiry: translate({id: 'tryIt.keys.expiry', message: 'Expires', description: 'Try-it panel, API keys: label of the choice of when the new key stops working'}),
    never: translate({id: 'tryIt.keys.never', message: 'Never (until revoked)', description: 'Try-it panel, API keys: expiry choice for a key that works until it is revoked'}),
    create: translate({id: 'tryIt.keys.create', message: 'Create key', description: 'Try-it panel, API keys: the button that sends POST /api/2.0/keys'}),
    missing: {
      name: translate({id: 'tryIt.keys.missing.name', message: 'Give the key a name, such as the program that will use it.', description: 'Try-it panel, API keys: shown under the name field when it was left empty'}),
      scopes: translate({id: 'tryIt.keys.missing.scopes', message: 'Choose at least one scope.', description: 'Try-it panel, API keys: shown under the scopes when none is ticked'}),
    },
    newKey: translate({id: 'tryIt.keys.newKey', message: 'Your new key', description: 'Try-it panel, API keys: label before the new key’s secret (masked until shown)'}),
    warning: translate({id: 'tryIt.keys.warning', message: 'Copy it now and store it where your program keeps its secrets: the portal will not show it again.', description: 'Try-it panel, API keys: the plain warning beside the new secret'}),
    show: translate({id: 'tryIt.keys.show', message: 'Show key', description: 'Try-it panel, API keys: button that unmasks the new key’s secret'}),
    hide: translate({id: 'tryIt.keys.hide', message: 'Hide key', description: 'Try-it panel, API keys: button that masks the new key’s secret again'}),
    copy: translate({id: 'tryIt.keys.copy', message: 'Copy key', description: 'Try-it panel, API keys: button that copies the new key’s secret to the clipboard'}),
    copied: translate({id: 'tryIt.keys.copied', message: 'Key copied.', description: 'Try-it panel, API keys: confirmation after the secret was copied'}),
    copyRefused: translate({id: 'tryIt.keys.copyRefused', message: 'The browser did not allow copying: show the key and copy it by hand.', description: 'Try-it panel, API keys: the browser refused clipboard access; the reader can copy by hand'}),
    inExamples: translate({id: 'tryIt.keys.inExamples', message: 'Put this key in the examples (DOCSPACE_API_KEY)', description: 'Try-it panel, API keys: checkbox that shows the new key in the page’s code examples; keep DOCSPACE_API_KEY'}),
    tryKey: translate({id: 'tryIt.keys.tryKey', message: 'Try the key: GET /keys/@self', description: 'Try-it panel, API keys: button that calls the portal with the new key instead of the token, asking which key it is; keep the call as it is'}),
    dismiss: translate({id: 'tryIt.keys.dismiss', message: 'I have stored it: hide the key', description: 'Try-it panel, API keys: button that removes the new secret from the page for good'}),
    list: translate({id: 'tryIt.keys.list', message: 'Your keys', description: 'Try-it panel, API keys: heading of the table of the reader’s keys (GET /api/2.0/keys)'}),
    refresh: translate({id: 'tryIt.keys.refresh', message: 'Refresh', description: 'Try-it panel, API keys: button that lists the keys again'}),
    empty: translate({id: 'tryIt.keys.empty', message: 'No keys yet.', description: 'Try-it panel, API keys: the table’s place when the account has no key'}),
    columns: {
      name: translate({id: 'tryIt.keys.column.name', message: 'Name', description: 'Try-it panel, API keys table: column of the key’s name'}),
      postfix: translate({id: 'tryIt.keys.column.postfix', message: 'Ends with', description: 'Try-it panel, API keys table: column of the last four characters of the key (keyPostfix), the only part shown after creation'}),
      scopes: translate({id: 'tryIt.keys.column.scopes', message: 'Scopes', description: 'Try-it panel, API keys table: column of the key’s scopes'}),
      expires: translate({id: 'tryIt.keys.column.expires', message: 'Expires', description: 'Try-it panel, API keys table: column of the key’s expiry date'}),
      active: translate({id: 'tryIt.keys.column.active', message: 'Active', description: 'Try-it panel, API keys table: column saying whether the key works (isActive)'}),
    },
    noExpiry: translate({id: 'tryIt.keys.noExpiry', message: 'never', description: 'Try-it panel, API keys table: expiry of a key valid until deleted'}),
    yes: translate({id: 'tryIt.keys.yes', message: 'yes', description: 'Try-it panel, API keys table: the key is active'}),
    no: translate({id: 'tryIt.keys.no', message: 'no', description: 'Try-it panel, API keys table: the key is not active'}),
    revoke: translate({id: 'tryIt.keys.revoke', message: 'Revoke', description: 'Try-it panel, API keys table: button that deletes the key for good (DELETE /api/2.0/keys/{keyId})'}),
  };

  const STATUS: Record<KeysCallName, string> = {
    scopes: KEYS.loadingScopes,
    list: translate({id: 'tryIt.keys.status.list', message: 'Reading your keys…', description: 'Try-it panel, API keys status line: GET /api/2.0/keys is on its way'}),
    create: translate({id: 'tryIt.keys.status.create', message: 'Creating the key…', description: 'Try-it panel, API keys status line: POST /api/2.0/keys is on its way'}),
    try: translate({id: 'tryIt.keys.status.try', message: 'Calling the portal with the new key…', description: 'Try-it panel, API keys status line: GET /keys/@self with the key is on its way'}),
    revoke: translate({id: 'tryIt.keys.status.revoke', message: 'Revoking the key…', description: 'Try-it panel, API keys status line: DELETE /api/2.0/keys/{keyId} is on its way'}),
  };

  const dates = new Intl.DateTimeFormat(locale, {dateStyle: 'medium'});

  return {
    KEYS,
    STATUS,
    expiryChoice: (choice: ExpiryChoice): string =>
      choice === 'never' ? KEYS.never : translate({id: 'tryIt.keys.expiryDays', message: 'In {days} days', description: 'Try-it panel, API keys: an expiry choice; {days} is 7, 30, 90 or 365'}, {days: choice}),
    /** A key's expiry as a local date, or "never". */
    expiresOn(raw: string | undefined): string {
      const date = raw ? parseExpires(raw) : null;
      return date ? dates.format(date) : KEYS.noExpiry;
    },
    revokeLabel: (name: string): string => translate({id: 'tryIt.keys.revokeLabel', message: 'Revoke the key “{name}”', description: 'Try-it panel, API keys table: accessible name of a Revoke button; {name} is the key’s name'}, {name}),
    worked: (name: string): string =>
      translate({id: 'tryIt.keys.worked', message: 'The key works: the portal knows it as “{name}”.', description: 'Try-it panel, API keys: after GET /keys/@self with the new key succeeded; {name} is the key’s name'}, {name}),
    /** What went wrong with a key call, and what to do: one sentence or two. */
    describeFailure(call: KeysCallName, error: DocSpaceFailure): string {
      const status = error.kind === 'http' ? error.status : undefined;
      if (call === 'create' && (error.kind === 'timeout' || error.kind === 'network' || error.kind === 'cancelled')) {
        return translate({id: 'tryIt.keys.failure.createUnknown', message: 'No answer to the create. The key may have been made all the same: press Refresh and check the list before you create another. A create is never sent twice.', description: 'Try-it panel, API keys: POST /api/2.0/keys got no answer (timeout, network, cancelled); explains why it is not retried'});
      }
      if (status === 400) {
        const said = error.kind === 'http' && error.serverMessage ? error.serverMessage : '';
        return translate({id: 'tryIt.keys.failure.400', message: 'The portal refused the key’s settings (400): “{said}”. Choose scopes from its own list.', description: 'Try-it panel, API keys: 400, such as an unknown or empty scope; {said} is the portal’s own message, in English'}, {said});
      }
      if (status === 403) {
        return translate({id: 'tryIt.keys.failure.403', message: 'This account may not use API keys (403): guests cannot, and a portal can allow them to administrators only.', description: 'Try-it panel, API keys: 403 on the key calls, such as for a guest account'});
      }
      if (status === 401) {
        return call === 'try'
          ? translate({id: 'tryIt.keys.failure.try401', message: 'The portal did not accept the key (401): it was revoked, turned off or has expired.', description: 'Try-it panel, API keys: GET /keys/@self with the key answered 401'})
          : translate({id: 'tryIt.keys.failure.401', message: 'The portal no longer accepts this sign-in token (401): sign in again.', description: 'Try-it panel, API keys: a key call made with the sign-in token answered 401'});
      }
      if (status === 429) {
        return translate({id: 'tryIt.keys.failure.429', message: 'Too many keys created in a short time (429): wait a minute, then try again.', description: 'Try-it panel, API keys: POST /api/2.0/keys answered 429 (the portal throttles key creation)'});
      }
      return translate({id: 'tryIt.keys.failure.other', message: 'The call did not work: {account}', description: 'Try-it panel, API keys: any other failure; {account} is the client’s account of the call, in English'}, {account: error.message});
    },
  };
}

export type KeysText = ReturnType<typeof createKeysText>;
