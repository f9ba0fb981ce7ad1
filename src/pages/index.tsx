import type {ReactNode} from 'react';
import Link from '@docusaurus/Link';
import Layout from '@theme/Layout';
import Heading from '@theme/Heading';
import styles from './index.module.css';

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
          example in your language, or sign in to your own portal right from the guide and see the
          token and your profile come back.
        </p>
        <Link className="button button--primary button--lg" to="/docs/get-started/authentication/personal-access-tokens">
          Read the authentication guide
        </Link>
      </main>
    </Layout>
  );
}
