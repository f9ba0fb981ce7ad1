// search-local's search page imports this in place of @theme/Layout (see ./index.ts).
import type {ComponentProps, ReactNode} from 'react';
import Layout from '@theme/Layout';

/** The site's Layout with the search page's content as the page's `main` landmark. */
export default function SearchPageLayout({children, ...props}: ComponentProps<typeof Layout>): ReactNode {
  return (
    <Layout {...props}>
      <main>{children}</main>
    </Layout>
  );
}
