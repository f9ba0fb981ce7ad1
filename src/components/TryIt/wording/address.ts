/**
 * What is wrong with a portal address, said at its field before anything is sent (AddressProblem)
 * and in a failure alert. Its own module, so the widget's chunk carries none of it: both parts that
 * say it are lazy. Pure like panel.ts, and extracted and inlined the same way (see there).
 */
// Names nothing used here: it is what the string extractor follows to this file's calls (see panel.ts).
import {type translate} from '@docusaurus/Translate';
import type {PortalUrlProblem} from '../../../docspace';
import type {Translate} from './panel';

/** One sentence per problem normalizePortalUrl finds: what to type instead. */
export function createAddressText(translate: Translate): Record<PortalUrlProblem, string> {
  return {
    empty: translate({id: 'tryIt.failure.address.empty', message: 'Enter the address of your portal, for example yourportal.onlyoffice.com.', description: 'Try-it panel, note under the portal address field: advice when the portal address is empty; keep the example host as is'}),
    whitespace: translate({id: 'tryIt.failure.address.whitespace', message: 'The address contains spaces. Remove them: a portal address has none.', description: 'Try-it panel, note under the portal address field: advice when the portal address contains spaces'}),
    scheme: translate({id: 'tryIt.failure.address.scheme', message: 'The address must start with https:// or http:// (or with no scheme at all, which means https://).', description: 'Try-it panel, note under the portal address field: advice when the address starts with another scheme (such as ftp://); keep https:// and http://'}),
    credentials: translate({
      id: 'tryIt.failure.address.credentials',
      message: 'Do not put a user name or password in the address: enter just the portal, such as yourportal.onlyoffice.com.',
      description: 'Try-it panel, note under the portal address field: advice when a user name or password was typed into the address (user:password@host)',
    }),
    host: translate({
      id: 'tryIt.failure.address.host',
      message: 'This is not a valid host name. Enter the portal as it appears in your browser, such as yourportal.onlyoffice.com.',
      description: 'Try-it panel, note under the portal address field: advice when the host name is not valid; keep the example host as is',
    }),
    port: translate({id: 'tryIt.failure.address.port', message: 'The port must be a number from 1 to 65535, as in localhost:8092.', description: 'Try-it panel, note under the portal address field: advice when the port after the colon is not a number from 1 to 65535'}),
  };
}
