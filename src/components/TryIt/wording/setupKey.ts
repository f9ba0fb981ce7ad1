/**
 * The words of an authenticator app still to be set up (what to do, its key, the key's copy button
 * and QR code), each a translate() call as in panel.ts (pure; `{type translate}` so
 * write-translations still extracts the calls). Imported only by the SetupKey component, so this
 * rare step's words travel in that lazy chunk, not in the widget's.
 */
import {type translate} from '@docusaurus/Translate';

type Translate = typeof translate;

export function createSetupKeyText(translate: Translate) {
  return {
    lead: translate({id: 'tryIt.secondFactor.app.setupLead', message: 'This portal asks this user for a second factor, but the authenticator app is not set up yet.', description: 'Try-it panel, second factor: bold heading when the authenticator app is not set up yet'}),
    text: translate({
      id: 'tryIt.secondFactor.app.setupText',
      message: 'Add the portal to your authenticator app with the key below (or on the set-up page), then enter the code the app shows: the first right code activates the app and signs you in.',
      description: 'Try-it panel, second factor: follows the heading above; the first right code both activates the app and signs in',
    }),
    key: translate({id: 'tryIt.secondFactor.key', message: 'Key to enter in the authenticator app by hand:', description: 'Try-it panel, second factor: label before the key to type into an authenticator app that is not set up yet'}),
    copy: translate({id: 'tryIt.setupKey.copy', message: 'Copy the key', description: 'Try-it panel, second factor (两步验证): button that copies the authenticator app’s set-up key to the clipboard'}),
    copied: translate({id: 'tryIt.setupKey.copied', message: 'Key copied: paste it into your authenticator app.', description: 'Try-it panel, second factor: confirmation after the set-up key was copied'}),
    copyRefused: translate({id: 'tryIt.setupKey.copyRefused', message: 'The browser did not allow copying: select the key and copy it by hand.', description: 'Try-it panel, second factor: the browser refused clipboard access; the key is shown as text beside the button'}),
    qrCode: translate({id: 'tryIt.setupKey.qrCode', message: 'Or scan this QR code with your authenticator app: it holds the same key, for this portal and user.', description: 'Try-it panel, second factor: caption of the QR code (also its name for screen readers); the code holds the set-up key, the portal’s address and the user name'}),
  };
}

export type SetupKeyText = ReturnType<typeof createSetupKeyText>;
