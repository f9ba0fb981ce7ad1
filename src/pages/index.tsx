import type {ReactNode} from 'react';
import clsx from 'clsx';
import Link from '@docusaurus/Link';
import Layout from '@theme/Layout';
import Heading from '@theme/Heading';
import styles from './index.module.css';

const GUIDE = '/docs/get-started/authentication/personal-access-tokens';

/** What a reader gets from the guide, one line each. */
const HIGHLIGHTS: readonly {title: string; text: string}[] = [
  {title: 'The exact exchange', text: 'Both requests and what a real portal answers, including second factors, lockouts and errors.'},
  {title: 'Seven languages', text: 'cURL, Node.js, Python, C#, PHP, Java and Go: complete programs, each run by the tests against a sandbox portal.'},
  {title: 'Try it on the page', text: 'Sign in to your own portal, or to a sandbox portal where the site has one, and see the token and your profile.'},
];

export default function Home(): ReactNode {
  return (
    <Layout
      title="Sign in to the DocSpace API"
      description="Learn, and try, programmatic login to an ONLYOFFICE DocSpace portal.">
      <main className={styles.hero}>
        <Heading as="h1">Sign in to the DocSpace API</Heading>
        <p className={styles.lead}>
          This site shows how a program signs in to an ONLYOFFICE DocSpace portal: it trades a user
          name and password for a token, then sends that token with every API call. Copy a working
          example in your language, or sign in to your own portal right from the guide.
        </p>
        <div className={styles.actions}>
          <Link className={clsx('button button--primary button--lg', styles.action)} to={GUIDE}>
            Read the authentication guide
          </Link>
          <Link className={clsx('button button--secondary button--lg', styles.action)} to="/docs/intro">
            Overview
          </Link>
        </div>
        <ul className={styles.highlights}>
          {HIGHLIGHTS.map(({title, text}) => (
            <li key={title}>
              <Heading as="h2" className={styles.highlightTitle}>
                {title}
              </Heading>
              <p>{text}</p>
            </li>
          ))}
        </ul>
      </main>
    </Layout>
  );
}
