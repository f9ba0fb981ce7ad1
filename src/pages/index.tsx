import type {ReactNode} from 'react';
import clsx from 'clsx';
import Link from '@docusaurus/Link';
import Translate, {translate} from '@docusaurus/Translate';
import Layout from '@theme/Layout';
import Heading from '@theme/Heading';
import styles from './index.module.css';

const GUIDE = '/docs/get-started/authentication/personal-access-tokens';
const TRY_IT = `${GUIDE}#try-it`;

/** What a reader gets from the guide, one line each, each a link to where the guide has it. */
function highlights(): readonly {title: string; text: string; to: string}[] {
  return [
    {
      to: `${GUIDE}#step-1-ask-for-a-token`,
      title: translate({id: 'home.highlight.exchange.title', message: 'The exact exchange'}),
      text: translate({id: 'home.highlight.exchange.text', message: 'Both requests and what a real portal answers, including second factors, lockouts and errors.'}),
    },
    {
      to: `${GUIDE}#examples`,
      title: translate({id: 'home.highlight.languages.title', message: 'Seven languages'}),
      text: translate({id: 'home.highlight.languages.text', message: 'cURL, Node.js, Python, C#, PHP, Java and Go: complete programs, each run by the tests against a sandbox portal.'}),
    },
    {
      to: TRY_IT,
      title: translate({id: 'home.highlight.tryIt.title', message: 'Try it on the page'}),
      text: translate({id: 'home.highlight.tryIt.text', message: 'Sign in to your own portal, or to a sandbox portal where the site has one, and see the token and your profile.'}),
    },
  ];
}

export default function Home(): ReactNode {
  const title = translate({id: 'home.title', message: 'Sign in to the DocSpace API'});
  return (
    <Layout
      title={title}
      description={translate({id: 'home.description', message: 'Learn, and try, programmatic login to an ONLYOFFICE DocSpace portal.'})}>
      <main className={styles.hero}>
        <Heading as="h1">{title}</Heading>
        <p className={styles.lead}>
          <Translate id="home.lead">
            {'This site shows how a program signs in to an ONLYOFFICE DocSpace portal: it trades a user name and password for a token, then sends that token with every API call. Copy a working example in your language, or sign in to your own portal right from the guide.'}
          </Translate>
        </p>
        <div className={styles.actions}>
          <Link className={clsx('button button--primary button--lg', styles.action)} to={GUIDE}>
            <Translate id="home.readGuide">Read the authentication guide</Translate>
          </Link>
          <Link className={clsx('button button--secondary button--lg', styles.action)} to={TRY_IT}>
            <Translate id="home.tryIt">Try it now</Translate>
          </Link>
          <Link className={clsx('button button--secondary button--lg', styles.action)} to="/docs/intro">
            <Translate id="home.overview">Overview</Translate>
          </Link>
        </div>
        <ul className={styles.highlights}>
          {highlights().map(({title, text, to}) => (
            <li key={title}>
              <Heading as="h2" className={styles.highlightTitle}>
                <Link to={to}>{title}</Link>
              </Heading>
              <p>{text}</p>
            </li>
          ))}
        </ul>
      </main>
    </Layout>
  );
}
